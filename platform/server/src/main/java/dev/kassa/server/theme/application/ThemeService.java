package dev.kassa.server.theme.application;

import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.theme.domain.ThemeCatalog;
import dev.kassa.server.theme.domain.ThemeRule;
import dev.kassa.server.theme.domain.ThemeSetting;
import dev.kassa.server.theme.domain.ThemeSettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Which themes a tenant offers, to the accounts of which countries. */
@ApplicationScoped
public class ThemeService {
    private ThemeSettingRepository settings;
    private InstalledThemes themes;
    private Clock clock;
    private Event<TenantSettingsChanged> changed;

    protected ThemeService() {
    }

    /** Without anyone to tell of changes. */
    public ThemeService(ThemeSettingRepository settings, InstalledThemes themes, Clock clock) {
        this(settings, themes, clock, null);
    }

    @Inject
    public ThemeService(ThemeSettingRepository settings, InstalledThemes themes, Clock clock,
                        Event<TenantSettingsChanged> changed) {
        this.settings = settings;
        this.themes = themes;
        this.clock = clock;
        this.changed = changed;
    }

    /** An installed theme as a tenant has it. */
    public record TenantTheme(ThemeCatalog.Entry theme, boolean enabled, List<String> countries) { }

    /** Every usable installed theme, by id, with the tenant's setting in force. */
    @Transactional
    public List<TenantTheme> list(String tenantId) {
        ThemeCatalog catalog = themes.catalog();
        Map<String, ThemeRule.Setting> inForce = ThemeRule.inForce(catalog, settings.list(tenantId));
        return catalog.all().stream().map(t -> of(t, inForce.get(t.id()))).toList();
    }

    /**
     * Turns a theme on or off for the accounts of {@code countries} ({@code ["*"]}: all).
     *
     * @throws KassaException 404 for a theme no plugin provides
     */
    @Transactional
    public TenantTheme configure(String tenantId, String themeId, boolean enabled, List<String> countries) {
        ThemeCatalog.Entry theme = themes.catalog().find(themeId).orElseThrow(KassaException::notFound);
        settings.find(tenantId, themeId).ifPresentOrElse(s -> s.update(enabled, countries, clock.instant()),
                () -> settings.add(new ThemeSetting(tenantId, themeId, enabled, countries, clock.instant())));
        if (changed != null) {
            changed.fire(new TenantSettingsChanged(tenantId));
        }
        return new TenantTheme(theme, enabled, List.copyOf(countries));
    }

    private static TenantTheme of(ThemeCatalog.Entry theme, ThemeRule.Setting setting) {
        return new TenantTheme(theme, setting.enabled(), setting.countries());
    }
}
