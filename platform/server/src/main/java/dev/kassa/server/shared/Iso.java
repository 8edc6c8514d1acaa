package dev.kassa.server.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** ISO 3166 countries and BCP 47 locales as Kassa accepts them. */
public final class Iso {
    /** In a list of countries, all of them: {@code ["*"]}. */
    public static final String ALL_COUNTRIES = "*";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Iso() {
    }

    /** An ISO 3166-1 alpha-2 code in upper case, such as {@code DE}. */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    /** A well-formed locale whose language is an ISO 639 code, such as {@code en} or {@code fr-CA}. */
    public static boolean isLocale(String tag) {
        if (tag == null || tag.length() > 16) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return LANGUAGES.contains(locale.getLanguage()) && locale.toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
