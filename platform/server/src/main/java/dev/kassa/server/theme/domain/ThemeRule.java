package dev.kassa.server.theme.domain;

import dev.kassa.server.shared.Iso;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which theme a customer sees, and in which locale:
 * <ol>
 * <li>the locale saved on the account, when an enabled theme provides it (its language is enough:
 * {@code fr-CA} finds a theme of {@code fr});</li>
 * <li>else the theme enabled for the account's country: one that names the country before one
 * enabled for all ({@code "*"});</li>
 * <li>else the tenant's default theme, when one is set and installed (whether or not enabled: the
 * tenant named it);</li>
 * <li>else the tenant's default locale, when an enabled theme provides it;</li>
 * <li>else {@value ThemeCatalog#BASE}.</li>
 * </ol>
 * Among several themes that fit, the one naming the account's country wins, then the one enabled
 * for all countries, then the most specific (a tenant's child of {@code french} before
 * {@code french}), then the first by id. A theme the tenant never set is off, except the base
 * theme, which is on for all countries until the tenant sets it.
 */
public final class ThemeRule {
    private ThemeRule() {
    }

    /** A theme's setting as in force for one tenant. */
    public record Setting(String themeId, boolean enabled, List<String> countries) {
        public Setting {
            countries = List.copyOf(countries);
        }

        public static Setting of(ThemeSetting row) {
            return new Setting(row.themeId(), row.enabled(), row.countries());
        }

        boolean names(String country) {
            return enabled && country != null && countries.contains(country);
        }

        boolean allCountries() {
            return enabled && countries.contains(Iso.ALL_COUNTRIES);
        }
    }

    /** The theme to render with, and the locale (one the theme provides). */
    public record Choice(ThemeCatalog.Entry theme, String locale) { }

    /** Every installed theme's setting for the tenant whose rows these are, by theme id. */
    public static Map<String, Setting> inForce(ThemeCatalog catalog, List<ThemeSetting> rows) {
        return inForceOf(catalog, rows.stream().map(Setting::of).toList());
    }

    /** Every installed theme's setting for the tenant whose settings these are, by theme id. */
    public static Map<String, Setting> inForceOf(ThemeCatalog catalog, List<Setting> settings) {
        Map<String, Setting> out = new LinkedHashMap<>();
        String base = catalog.isEmpty() ? ThemeCatalog.BASE : catalog.fallback().id();
        for (ThemeCatalog.Entry theme : catalog.all()) {
            Setting setting = settings.stream().filter(r -> r.themeId().equals(theme.id())).findFirst()
                    .orElseGet(() -> theme.id().equals(base)
                            ? new Setting(theme.id(), true, List.of(Iso.ALL_COUNTRIES))
                            : new Setting(theme.id(), false, List.of()));
            out.put(theme.id(), setting);
        }
        return out;
    }

    /**
     * The choice for a customer.
     *
     * @param accountLocale the locale saved on the account; null when none
     * @param country the account's country; null before sign-in
     * @param tenantLocale the tenant's default locale; null when unknown
     */
    public static Choice choose(ThemeCatalog catalog, Map<String, Setting> settings, String accountLocale,
                                String country, String tenantLocale) {
        return choose(catalog, settings, accountLocale, country, null, tenantLocale);
    }

    /**
     * The choice for a customer of a tenant that may have named a default theme.
     *
     * @param tenantTheme the id of the tenant's default theme; null when none
     */
    public static Choice choose(ThemeCatalog catalog, Map<String, Setting> settings, String accountLocale,
                                String country, String tenantTheme, String tenantLocale) {
        List<ThemeCatalog.Entry> enabled = enabled(catalog, settings);
        Comparator<ThemeCatalog.Entry> preference = preference(settings, country);
        if (accountLocale != null) {
            Optional<Choice> byLocale = byLocale(enabled, accountLocale, preference);
            if (byLocale.isPresent()) {
                return byLocale.get();
            }
        }
        if (country != null) {
            Optional<ThemeCatalog.Entry> named = enabled.stream().filter(t -> settings.get(t.id()).names(country))
                    .min(preference);
            Optional<ThemeCatalog.Entry> all = enabled.stream().filter(t -> settings.get(t.id()).allCountries())
                    .min(preference);
            Optional<ThemeCatalog.Entry> forCountry = named.or(() -> all);
            if (forCountry.isPresent()) {
                return new Choice(forCountry.get(), forCountry.get().mainLocale());
            }
        }
        if (tenantTheme != null) {
            Optional<ThemeCatalog.Entry> named = catalog.find(tenantTheme);
            if (named.isPresent()) {
                return new Choice(named.get(), named.get().mainLocale());
            }
        }
        if (tenantLocale != null) {
            Optional<Choice> byDefault = byLocale(enabled, tenantLocale, preference);
            if (byDefault.isPresent()) {
                return byDefault.get();
            }
        }
        ThemeCatalog.Entry fallback = catalog.fallback();
        return new Choice(fallback, fallback.mainLocale());
    }

    /**
     * What the language switcher offers: one enabled theme per main locale (the one
     * {@link #choose} would prefer), by locale.
     */
    public static List<ThemeCatalog.Entry> languages(ThemeCatalog catalog, Map<String, Setting> settings,
                                                     String country) {
        Comparator<ThemeCatalog.Entry> preference = preference(settings, country);
        Map<String, ThemeCatalog.Entry> byLocale = new java.util.TreeMap<>();
        for (ThemeCatalog.Entry theme : enabled(catalog, settings)) {
            byLocale.merge(theme.mainLocale(), theme, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
        }
        return new ArrayList<>(byLocale.values());
    }

    private static List<ThemeCatalog.Entry> enabled(ThemeCatalog catalog, Map<String, Setting> settings) {
        return catalog.all().stream().filter(t -> settings.containsKey(t.id()) && settings.get(t.id()).enabled())
                .toList();
    }

    /** An exact locale before the same language; within each, the preferred theme. */
    private static Optional<Choice> byLocale(List<ThemeCatalog.Entry> enabled, String tag,
                                             Comparator<ThemeCatalog.Entry> preference) {
        Optional<ThemeCatalog.Entry> exact = enabled.stream().filter(t -> t.provides(tag)).min(preference);
        if (exact.isPresent()) {
            return Optional.of(new Choice(exact.get(), tag));
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return enabled.stream().filter(t -> sameLanguage(t, language).isPresent()).min(preference)
                .map(t -> new Choice(t, sameLanguage(t, language).orElseThrow()));
    }

    private static Optional<String> sameLanguage(ThemeCatalog.Entry theme, String language) {
        return theme.locales().stream().filter(l -> Locale.forLanguageTag(l).getLanguage().equals(language))
                .findFirst();
    }

    private static Comparator<ThemeCatalog.Entry> preference(Map<String, Setting> settings, String country) {
        return Comparator.<ThemeCatalog.Entry>comparingInt(t -> settings.get(t.id()).names(country) ? 0 : 1)
                .thenComparingInt(t -> settings.get(t.id()).allCountries() ? 0 : 1)
                .thenComparingInt(t -> -t.chain().size())
                .thenComparing(ThemeCatalog.Entry::id);
    }
}
