package dev.kassa.server.signin.domain;

import java.time.Duration;

/** What a link token is for, and how long it works. Every one works once. */
public enum LinkPurpose {
    /** Signs a customer in at once: single sign-on from the tenant's own panel. */
    SIGN_IN(Duration.ofMinutes(5)),
    /** Sets the first password of an account. */
    INVITATION(Duration.ofHours(72)),
    /** Sets a new password after "forgot password". */
    RESET(Duration.ofHours(1));

    private final Duration validFor;

    LinkPurpose(Duration validFor) {
        this.validFor = validFor;
    }

    public Duration validFor() {
        return validFor;
    }

    /** Whether the token may set a password. */
    public boolean setsPassword() {
        return this != SIGN_IN;
    }
}
