package dev.kassa.server.web.constraint;

import jakarta.validation.ConstraintValidatorContext;

/**
 * How Kassa's constraints report: each violation's message template is {@code "<code>|<message>"},
 * so the problem mapper can give a stable {@code errors[].code} beside the sentence for people.
 * The message is escaped, so the validator's message interpolation leaves it as written.
 */
public final class Violations {
    static final char SEPARATOR = '|';

    private Violations() {
    }

    public static String template(String code, String message) {
        return code + SEPARATOR + message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                .replace("$", "\\$");
    }

    /** Reports {@code code} on the validated element itself. */
    public static void report(ConstraintValidatorContext context, String code, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(template(code, message)).addConstraintViolation();
    }

    /** Reports {@code code} on a member of the validated element, such as {@code currency} or {@code from.amount}. */
    public static void report(ConstraintValidatorContext context, String member, String code, String message) {
        context.disableDefaultConstraintViolation();
        String[] names = member.split("\\.");
        var node = context.buildConstraintViolationWithTemplate(template(code, message)).addPropertyNode(names[0]);
        for (int i = 1; i < names.length; i++) {
            node = node.addPropertyNode(names[i]);
        }
        node.addConstraintViolation();
    }

    /** The code of an interpolated or raw message built by {@link #template}; null for any other. */
    public static String code(String message) {
        int at = message == null ? -1 : message.indexOf(SEPARATOR);
        return at < 0 ? null : message.substring(0, at);
    }

    /** The sentence of an interpolated message built by {@link #template}. */
    public static String sentence(String message) {
        int at = message.indexOf(SEPARATOR);
        return at < 0 ? message : message.substring(at + 1);
    }
}
