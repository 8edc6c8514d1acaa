package dev.kassa.server.config;

import java.util.Optional;

/**
 * The operator's SMTP server, from {@code KASSA_SMTP_*} and {@code KASSA_MAIL_FROM}. The password
 * is a secret: {@link #toString()} never shows it, and nothing else should either.
 *
 * @param host {@code KASSA_SMTP_HOST}
 * @param port {@code KASSA_SMTP_PORT}, default 587
 * @param user {@code KASSA_SMTP_USER}; none: no authentication
 * @param password {@code KASSA_SMTP_PASSWORD}, given exactly when {@code user} is
 * @param startTls {@code KASSA_SMTP_STARTTLS}, default true: the connection must turn to TLS before
 *     anything else is said, or nothing is sent
 * @param from {@code KASSA_MAIL_FROM}: the address every mail comes from (the tenant's name is
 *     the display name in front of it)
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password,
                           boolean startTls, String from) {
    public SmtpSettings {
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("a user needs a password and a password a user");
        }
    }

    /** The domain of {@link #from}: the right-hand side of the Message-IDs Kassa makes. */
    public String fromDomain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }

    /** Where and how mail goes, for the log: never the password. */
    @Override
    public String toString() {
        return host + ":" + port + (startTls ? " (STARTTLS)" : " (no TLS)")
                + user.map(u -> " as " + u).orElse(" without authentication") + ", from " + from;
    }
}
