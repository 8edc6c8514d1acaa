package dev.kassa.server.theme.application;

import java.util.Map;

/**
 * The texts of one rendering: the tenant's own first, then the theme chain's. Templates reach it
 * as {@code #texts}, mostly for {@link #forCode}.
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

    /**
     * Words for a code someone else chose, such as a gateway's decline code: the text of
     * {@code <prefix>.<code>} when there is one, else {@code fallback} (the other side's own words,
     * or null). {@code ${#texts.forCode('decline', r.cancelReasonCode, r.cancelReason)}} shows
     * {@code decline.insufficient_funds} in the customer's language, and the gateway's English for a
     * code no theme knows.
     */
    public String forCode(String prefix, String code, String fallback) {
        if (code == null || code.isBlank()) {
            return fallback;
        }
        String text = get(prefix + "." + code);
        return text != null ? text : fallback;
    }
}
