package dev.kassa.server.theme.application;

import java.util.List;
import java.util.Locale;

/**
 * The theme a page or an e-mail is rendered with, in which locale, for which tenant, and what the
 * language switcher offers. Made by {@link ThemeChoice}, handed to {@link ThemeRenderer}.
 *
 * @param tenantId whose text overrides apply; null for a page of no tenant (an unknown host)
 * @param themeId the theme; its chain decides where templates and texts come from
 * @param locale one the theme provides, such as {@code fr}
 * @param languages the tenant's enabled themes, one per locale, for the language switcher
 */
public record ChosenTheme(String tenantId, String themeId, String locale, List<Language> languages) {
    public ChosenTheme {
        languages = List.copyOf(languages);
    }

    /**
     * One entry of the language switcher.
     *
     * @param locale what the switcher posts, and the account's {@code locale} once chosen
     * @param label the language's name in itself ({@code Français}), from its theme's {@code language.name}
     * @param current whether it is the language shown
     */
    public record Language(String themeId, String locale, String label, boolean current) { }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }
}
