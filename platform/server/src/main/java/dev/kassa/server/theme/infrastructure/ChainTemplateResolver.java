package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.application.InstalledThemes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * Finds {@code templates/<name>} in the first theme of a chain that has it: a tenant's child theme,
 * then {@code french}, then {@code english}. A name without an extension is an HTML template
 * ({@code sign-in} is {@code templates/sign-in.html}); {@code .txt} is a text template. Resolutions
 * are always valid: the engine keeps what it parsed, and the engine itself is dropped on a reload.
 */
final class ChainTemplateResolver implements ITemplateResolver {
    private final InstalledThemes.Generation themes;
    private final String themeId;

    ChainTemplateResolver(InstalledThemes.Generation themes, String themeId) {
        this.themes = themes;
        this.themeId = themeId;
    }

    @Override
    public String getName() {
        return "theme chain of " + themeId;
    }

    @Override
    public Integer getOrder() {
        return 1;
    }

    @Override
    public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate, String template,
                                              Map<String, Object> templateResolutionAttributes) {
        boolean text = template.endsWith(".txt");
        String file = "templates/" + template + (text || template.endsWith(".html") ? "" : ".html");
        Optional<byte[]> found = themes.file(themeId, file);
        if (found.isEmpty()) {
            return null;
        }
        return new TemplateResolution(new StringTemplateResource(new String(found.get(), StandardCharsets.UTF_8)), true,
                text ? TemplateMode.TEXT : TemplateMode.HTML, false, AlwaysValidCacheEntryValidity.INSTANCE);
    }
}
