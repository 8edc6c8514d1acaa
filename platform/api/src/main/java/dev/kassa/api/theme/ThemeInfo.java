package dev.kassa.api.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a theme is.
 *
 * @param id a short, stable identifier such as {@code "french"}: 1 to 40 lower-case letters, digits
 *     and dashes, starting with a letter or digit. Tenants name the theme by it
 *     ({@code PUT /api/v1/themes/french}), so it must not change between versions.
 * @param parent the id of the theme this one extends, or {@code null} for a base theme that has
 *     every template itself. Whatever this theme lacks (a template, a text, a file) comes from the
 *     parent, then from the parent's parent.
 * @param locales the locales this theme provides, as BCP 47 language tags in their canonical form
 *     ({@code "fr"}, {@code "fr-CA"}), each once, the theme's main locale first. Empty: the same as
 *     the parent's (a child that changes only the look, not the language). A base theme provides at
 *     least one. Copied: the record is immutable.
 */
public record ThemeInfo(String id, String parent, List<String> locales) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the id or parent is not a valid id, a theme names itself
     *     as its parent, a locale is not a canonical language tag or is listed twice, or a base
     *     theme provides no locale
     * @throws NullPointerException if the id, the list or a locale is null
     */
    public ThemeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(locales, "locales");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a theme id (lower-case letters, digits, dashes; at most 40): '"
                    + id + "'");
        }
        if (parent != null && !ID.matcher(parent).matches()) {
            throw new IllegalArgumentException("not a theme id: parent '" + parent + "'");
        }
        if (id.equals(parent)) {
            throw new IllegalArgumentException("theme " + id + " cannot be its own parent");
        }
        List<String> copy = new ArrayList<>();
        for (String tag : locales) {
            Objects.requireNonNull(tag, "locale");
            if (!isCanonicalTag(tag)) {
                throw new IllegalArgumentException("not a canonical BCP 47 language tag: '" + tag + "'");
            }
            if (copy.contains(tag)) {
                throw new IllegalArgumentException("locale " + tag + " is listed twice");
            }
            copy.add(tag);
        }
        if (parent == null && copy.isEmpty()) {
            throw new IllegalArgumentException("base theme " + id + " must provide at least one locale");
        }
        locales = List.copyOf(copy);
    }

    /** A base theme: no parent. */
    public static ThemeInfo base(String id, String... locales) {
        return new ThemeInfo(id, null, List.of(locales));
    }

    /** A child of {@code parent}; no locales means the parent's. */
    public static ThemeInfo child(String id, String parent, String... locales) {
        return new ThemeInfo(id, Objects.requireNonNull(parent, "parent"), List.of(locales));
    }

    /** The parent's id; empty for a base theme. */
    public Optional<String> parentId() {
        return Optional.ofNullable(parent);
    }

    private static boolean isCanonicalTag(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return !locale.getLanguage().isEmpty() && locale.toLanguageTag().equals(tag);
    }
}
