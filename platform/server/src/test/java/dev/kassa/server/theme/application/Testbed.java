package dev.kassa.server.theme.application;

import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.theme.ThemeJars;
import dev.kassa.server.theme.infrastructure.ThymeleafTemplates;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The theme context without a server: real plugin jars loaded by PF4J from a directory, the
 * Thymeleaf templates, and settings and texts in memory.
 */
final class Testbed implements AutoCloseable {
    final PluginRegistry registry;
    final InstalledThemes themes;
    final MemoryThemeSettings settings = new MemoryThemeSettings();
    final MemoryTextOverrides overrides = new MemoryTextOverrides();
    final TextService texts;
    final ThemeRenderer renderer;
    final ThemeService service;

    private Testbed(PluginRegistry registry) {
        this.registry = registry;
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        themes = new InstalledThemes(registry);
        texts = new TextService(overrides, themes, clock);
        renderer = new ThemeRenderer(themes, new ThymeleafTemplates(), texts);
        service = new ThemeService(settings, themes, clock);
    }

    /** The shipped themes, and whatever else the directory holds, loaded. */
    static Testbed start(java.nio.file.Path plugins) throws IOException {
        ThemeJars.installShipped(plugins);
        PluginRegistry registry = new PluginRegistry(plugins);
        registry.start();
        return new Testbed(registry);
    }

    /** The choice for tenants whose default locale is {@code tenantLocale}. */
    ThemeChoice choice(String tenantLocale) {
        TenantService tenants = new TenantService() {
            @Override
            public Tenant get(String tenantId) {
                return new Tenant(tenantId, tenantId, "Tenant " + tenantId, new CurrencyUnit("EUR", 2), tenantLocale,
                        List.of(tenantLocale), Instant.EPOCH);
            }
        };
        return new ThemeChoice(settings, themes, tenants);
    }

    /** A theme for {@code tenantId} in the theme's main locale, without a language switcher. */
    ChosenTheme theme(String tenantId, String themeId) {
        return themes.read(g -> new ChosenTheme(tenantId, themeId, g.catalog().find(themeId).orElseThrow()
                .mainLocale(), List.of()));
    }

    String render(ChosenTheme theme, String page, Map<String, ?> model) {
        return renderer.render(theme, page, model);
    }

    @Override
    public void close() {
        registry.stop();
    }
}
