package dev.kassa.server.theme.application;

import dev.kassa.server.shared.ExpiringCache;
import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.theme.domain.ThemeCatalog;
import dev.kassa.server.theme.domain.ThemeRule;
import dev.kassa.server.theme.domain.ThemeSettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Which theme a customer sees, for pages and e-mails alike: the locale saved on the account when
 * an enabled theme provides it, else the theme enabled for the account's country, else the
 * tenant's default theme (set in its client-area settings), else the tenant's default locale,
 * else {@code english} (the rule is {@link ThemeRule}'s).
 */
@ApplicationScoped
public class ThemeChoice {
    private static final String LANGUAGE_NAME = "language.name";

    private ThemeSettingRepository settings;
    private InstalledThemes themes;
    private TenantService tenants;
    private Instance<TenantDefaultTheme> defaultTheme;
    private final ExpiringCache<String, TenantThemes> cache = ExpiringCache.ofSettings();

    protected ThemeChoice() {
    }

    /** Without a source of tenants' default themes: none is ever used. */
    public ThemeChoice(ThemeSettingRepository settings, InstalledThemes themes, TenantService tenants) {
        this(settings, themes, tenants, null);
    }

    @Inject
    public ThemeChoice(ThemeSettingRepository settings, InstalledThemes themes, TenantService tenants,
                       Instance<TenantDefaultTheme> defaultTheme) {
        this.settings = settings;
        this.themes = themes;
        this.tenants = tenants;
        this.defaultTheme = defaultTheme;
    }

    /**
     * The theme for a customer of {@code tenantId}.
     *
     * @param accountLocale the account's saved {@code locale}, null when it has none
     * @param country the account's country, null before the customer is known (the sign-in page)
     */
    @Transactional
    public ChosenTheme forCustomer(String tenantId, String accountLocale, String country) {
        TenantThemes tenant = tenant(tenantId);
        return themes.read(generation -> {
            ThemeCatalog catalog = generation.catalog();
            Map<String, ThemeRule.Setting> inForce = ThemeRule.inForceOf(catalog, tenant.settings());
            ThemeRule.Choice choice = ThemeRule.choose(catalog, inForce, accountLocale, country, tenant.defaultTheme(),
                    tenant.defaultLocale());
            List<ChosenTheme.Language> languages = ThemeRule.languages(catalog, inForce, country).stream()
                    .map(t -> new ChosenTheme.Language(t.id(), t.mainLocale(), label(generation, t),
                            t.id().equals(choice.theme().id()) || t.mainLocale().equals(choice.locale())))
                    .toList();
            return new ChosenTheme(tenantId, choice.theme().id(), choice.locale(), languages);
        });
    }

    /**
     * Only the locale {@link #forCustomer} would choose, without the list of languages a page
     * offers: what a document or an e-mail is written in (a billing run asks once per renewal).
     */
    @Transactional
    public String localeForCustomer(String tenantId, String accountLocale, String country) {
        TenantThemes tenant = tenant(tenantId);
        return themes.read(generation -> {
            ThemeCatalog catalog = generation.catalog();
            return ThemeRule.choose(catalog, ThemeRule.inForceOf(catalog, tenant.settings()), accountLocale, country,
                    tenant.defaultTheme(), tenant.defaultLocale()).locale();
        });
    }

    private TenantThemes tenant(String tenantId) {
        return cache.get(tenantId, () -> new TenantThemes(tenants.get(tenantId).defaultLocale(),
                defaultTheme == null || !defaultTheme.isResolvable() ? null
                        : defaultTheme.get().themeId(tenantId).orElse(null),
                settings.list(tenantId).stream().map(ThemeRule.Setting::of).toList()));
    }

    /** The tenant's default theme, for a visitor not signed in. */
    @Transactional
    public ChosenTheme forVisitor(String tenantId) {
        return forCustomer(tenantId, null, null);
    }

    /** The base theme with none of any tenant's settings or texts: for a page of an unknown host. */
    public ChosenTheme neutral() {
        return themes.read(generation -> {
            ThemeCatalog.Entry base = generation.catalog().fallback();
            return new ChosenTheme(null, base.id(), base.mainLocale(), List.of());
        });
    }

    /** What of a tenant the choice depends on, kept for a few seconds: every page asks. */
    private record TenantThemes(String defaultLocale, String defaultTheme, List<ThemeRule.Setting> settings) { }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged event) {
        cache.clear();
    }

    private static String label(InstalledThemes.Generation generation, ThemeCatalog.Entry theme) {
        return generation.texts(theme.id(), theme.mainLocale()).getOrDefault(LANGUAGE_NAME, theme.mainLocale());
    }
}
