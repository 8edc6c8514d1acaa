package dev.kassa.server.signin.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.constraint.Text;

/** The request bodies of this context. */
public final class SignInRequests {
    private SignInRequests() {
    }

    /** {@code returnTo}: a path of the client area ({@code return_to.invalid} otherwise), or none for its home page. */
    public record SignInLinkRequest(@Text(max = 2000) String returnTo) implements JsonRequest { }
}
