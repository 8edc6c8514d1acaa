package dev.kassa.server.web.constraint;

import jakarta.validation.ConstraintValidatorContext;

/** The checks every text field passes before its own: storable, not blank, not too long. */
final class TextRules {
    /** The message of a field that is not {@link #isText text}. */
    static final String NOT_TEXT = "must not contain NUL characters or unpaired surrogates";

    private TextRules() {
    }

    /** Whether {@code value} passes, reporting the first rule it breaks. Strings arrive stripped. */
    static boolean check(String value, int max, ConstraintValidatorContext context) {
        if (!isText(value)) {
            Violations.report(context, "invalid", NOT_TEXT);
            return false;
        }
        if (value.isBlank()) {
            Violations.report(context, "blank", "must not be blank");
            return false;
        }
        if (value.length() > max) {
            Violations.report(context, "too_long", "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    /**
     * Whether {@code text} can be stored and compared as it is: no NUL (PostgreSQL text cannot hold
     * it, and a query with it fails) and no half of a surrogate pair (not a character at all, and
     * silently turned into '?' on the way to the database).
     */
    static boolean isText(String text) {
        // A pair makes one code point above U+FFFF; a lone half stays in the surrogate range.
        return text.codePoints().noneMatch(c -> c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
