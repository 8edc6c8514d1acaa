package dev.kassa.server.theme.application;

import java.util.Map;

/**
 * The texts of one rendering: the tenant's own first, then the theme chain's.
 *
 * @param overrides the tenant's texts for the locale
 * @param theme the theme chain's texts for the locale ({@link InstalledThemes.Generation#texts})
 */
public record Texts(Map<String, String> overrides, Map<String, String> theme) {

    /** The text for {@code key}, or null when neither has one. */
    public String get(String key) {
        String own = overrides.get(key);
        return own != null ? own : theme.get(key);
    }
}
