package dev.kassa.server.mail.domain;

import java.util.regex.Pattern;

/**
 * Whom a tenant's mail says it is from: the tenant's display name in front of the operator's
 * {@code KASSA_MAIL_FROM}, and where replies go.
 *
 * @param name the display name
 * @param replyTo the tenant's support address, or null: replies then go to {@code KASSA_MAIL_FROM}
 */
public record Sender(String name, String replyTo) {
    /** Compiled once: every mail of a billing run passes here. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    public Sender {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sender needs a name");
        }
        name = LINE_BREAKS.matcher(name).replaceAll(" ").strip();
        if (replyTo != null && (replyTo.isBlank() || replyTo.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
            throw new IllegalArgumentException("not a reply-to address: " + replyTo);
        }
    }
}
