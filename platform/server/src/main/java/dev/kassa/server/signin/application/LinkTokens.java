package dev.kassa.server.signin.application;

import dev.kassa.server.config.Secrets;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.signin.domain.LinkPurpose;
import dev.kassa.server.signin.domain.LinkRepository;
import dev.kassa.server.signin.domain.LinkToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Single-use links: {@code <client area>/sign-in/link?token=…} to sign in,
 * {@code <client area>/set-password?token=…} to set a password. A token is 32 random bytes
 * (base64url), stored as its SHA-256 only, looked up with the tenant.
 */
@ApplicationScoped
public class LinkTokens {
    public static final String SIGN_IN_PATH = "/sign-in/link";
    public static final String SET_PASSWORD_PATH = "/set-password";

    private LinkRepository links;
    private ClientAreaAddress address;
    private Clock clock;

    protected LinkTokens() {
    }

    @Inject
    public LinkTokens(LinkRepository links, ClientAreaAddress address, Clock clock) {
        this.links = links;
        this.address = address;
        this.clock = clock;
    }

    public IssuedLink issue(String tenantId, String accountId, LinkPurpose purpose, String returnTo) {
        String token = Secrets.newToken("");
        LinkToken link = new LinkToken(Ids.next("lnk"), tenantId, accountId, purpose, Secrets.sha256(token), returnTo,
                clock.instant());
        links.add(link);
        String base = address.baseUrl(tenantId).toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = purpose == LinkPurpose.SIGN_IN ? SIGN_IN_PATH : SET_PASSWORD_PATH;
        return new IssuedLink(URI.create(base + path + "?token=" + token), link.expiresAt());
    }

    /** Whether the token is one of the tenant's, for a password when {@code password} (else to sign in), and still usable. */
    public boolean usable(String tenantId, String token, boolean password) {
        Instant now = clock.instant();
        return find(tenantId, token, false).filter(l -> l.purpose().setsPassword() == password)
                .filter(l -> l.usableAt(now)).isPresent();
    }

    /** Uses the token up and returns it, when it is the tenant's, of that kind and still usable. */
    public Optional<LinkToken> take(String tenantId, String token, boolean password) {
        Instant now = clock.instant();
        Optional<LinkToken> link = find(tenantId, token, true).filter(l -> l.purpose().setsPassword() == password)
                .filter(l -> l.usableAt(now));
        link.ifPresent(l -> l.use(now));
        return link;
    }

    /** Uses up every password link of the account still out: once a password is set, older links must not set another. */
    public void retirePasswordLinks(String tenantId, String accountId) {
        Instant now = clock.instant();
        // The query may not see a link used earlier in this transaction, so each is checked again.
        links.unusedPasswordLinks(tenantId, accountId).stream().filter(l -> l.usableAt(now)).forEach(l -> l.use(now));
    }

    private Optional<LinkToken> find(String tenantId, String token, boolean lock) {
        if (tenantId == null || token == null || token.isEmpty() || token.length() > Sessions.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        return lock ? links.lockByTokenHash(tenantId, hash) : links.findByTokenHash(tenantId, hash);
    }
}
