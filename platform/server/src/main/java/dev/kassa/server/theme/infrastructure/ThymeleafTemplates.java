package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.application.InstalledThemes;
import dev.kassa.server.theme.application.Templates;
import dev.kassa.server.theme.application.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;

/**
 * Thymeleaf 3.1 without Spring: one engine per theme, made on first use and kept (with the
 * templates it parsed) beside the loaded themes until the plugins are reloaded. Each engine
 * resolves templates through the theme's chain ({@link ChainTemplateResolver}), messages through
 * the rendering's {@link Texts} ({@link TextsMessageResolver}), and offers {@code #format}
 * ({@link FormatDialect}) and {@code #texts} ({@link TextsDialect}). HTML templates escape what {@code th:text} writes.
 */
@ApplicationScoped
public class ThymeleafTemplates implements Templates {

    @Override
    public String render(InstalledThemes.Generation themes, String themeId, String template, Locale locale,
                         Texts texts, Map<String, Object> variables) {
        TemplateEngine engine = themes.memo(new EngineKey(themeId), () -> engine(themes, themeId));
        Map<String, Object> all = new HashMap<>(variables);
        all.put(TextsMessageResolver.VARIABLE, texts);
        return engine.process(template, new Context(locale, all));
    }

    private static TemplateEngine engine(InstalledThemes.Generation themes, String themeId) {
        TemplateEngine engine = new TemplateEngine();
        StandardDialect standard = new StandardDialect();
        standard.setVariableExpressionEvaluator(new PathEvaluator());
        engine.setDialect(standard);
        engine.setTemplateResolver(new ChainTemplateResolver(themes, themeId));
        engine.setMessageResolver(new TextsMessageResolver());
        engine.addDialect(new FormatDialect());
        engine.addDialect(new TextsDialect());
        return engine;
    }

    private record EngineKey(String themeId) { }
}
