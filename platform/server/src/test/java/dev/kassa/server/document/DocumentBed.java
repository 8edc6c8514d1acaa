package dev.kassa.server.document;

import dev.kassa.server.document.application.DocumentRendering;
import dev.kassa.server.document.infrastructure.OpenHtmlPdfWriter;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.theme.ThemeJars;
import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.InstalledThemes;
import dev.kassa.server.theme.application.ThemeRenderer;
import dev.kassa.server.theme.infrastructure.ThymeleafTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The shipped themes loaded from their jars, and the document rendering on them, without a server. */
public final class DocumentBed implements AutoCloseable {
    private final PluginRegistry registry;
    private final InstalledThemes themes;
    public final DocumentRendering rendering;

    private DocumentBed(PluginRegistry registry) {
        this.registry = registry;
        themes = new InstalledThemes(registry);
        // No tenant, so no text overrides: the text service is never asked.
        rendering = new DocumentRendering(new ThemeRenderer(themes, new ThymeleafTemplates(), null),
                new OpenHtmlPdfWriter());
    }

    public static DocumentBed start(Path plugins) throws IOException {
        ThemeJars.installShipped(plugins);
        PluginRegistry registry = new PluginRegistry(plugins);
        registry.start();
        return new DocumentBed(registry);
    }

    /** {@code english} or {@code french}, without a tenant. */
    public ChosenTheme theme(String themeId) {
        return themes.read(g -> new ChosenTheme(null, themeId, g.catalog().find(themeId).orElseThrow().mainLocale(),
                List.of()));
    }

    @Override
    public void close() {
        registry.stop();
    }
}
