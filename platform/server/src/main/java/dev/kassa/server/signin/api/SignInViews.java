package dev.kassa.server.signin.api;

import dev.kassa.server.signin.application.IssuedLink;
import java.time.Instant;

/** The JSON shapes of this context. */
public final class SignInViews {
    private SignInViews() {
    }

    /** A single-use link for a customer and until when it works. */
    public record LinkView(String url, Instant expiresAt) {
        public static LinkView of(IssuedLink link) {
            return new LinkView(link.url().toString(), link.expiresAt());
        }
    }
}
