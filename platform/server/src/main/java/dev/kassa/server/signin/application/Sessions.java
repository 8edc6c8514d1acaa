package dev.kassa.server.signin.application;

import dev.kassa.server.config.Secrets;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.signin.domain.SessionRepository;
import dev.kassa.server.signin.domain.SignInSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Customers' sessions in the database: a new token on every sign-in, idle for
 * {@link SignInSession#IDLE} at most, alive for {@link SignInSession#ABSOLUTE} at most. A token is
 * 32 random bytes (base64url); only its SHA-256 is stored, and it is looked up with the tenant, so
 * one tenant's token never opens a session on another's client area.
 */
@ApplicationScoped
public class Sessions {
    /** Longer than any token this class hands out: such a cookie is no session, and is not even hashed. */
    static final int MAX_TOKEN_LENGTH = 100;

    private SessionRepository sessions;
    private SessionTouches touches;
    private Clock clock;

    protected Sessions() {
    }

    /** Touching sessions in the caller's transaction (no container to open another). */
    public Sessions(SessionRepository sessions, Clock clock) {
        this(sessions, new SessionTouches(sessions), clock);
    }

    @Inject
    public Sessions(SessionRepository sessions, SessionTouches touches, Clock clock) {
        this.sessions = sessions;
        this.touches = touches;
        this.clock = clock;
    }

    public CustomerSession start(String tenantId, String accountId, String remoteAddress) {
        String token = Secrets.newToken("");
        String csrf = Secrets.newToken("");
        String address = remoteAddress == null || remoteAddress.length() > 64 ? null : remoteAddress;
        SignInSession session = new SignInSession(Ids.next("ses"), tenantId, accountId, Secrets.sha256(token), csrf,
                address, clock.instant());
        sessions.add(session);
        return view(session, token);
    }

    /**
     * The live session for {@code token}. Reading it changes nothing in the caller's transaction
     * (a page that only reads rolls its transaction back); when the idle timeout is due to move,
     * {@link SessionTouches} moves it in a transaction of its own, about once a minute.
     */
    public Optional<CustomerSession> resume(String tenantId, String token) {
        Instant now = clock.instant();
        return find(tenantId, token).filter(s -> s.liveAt(now)).map(s -> {
            if (s.touchDue(now)) {
                touches.touch(tenantId, s.tokenHash(), now);
            }
            return view(s, token);
        });
    }

    public void end(String tenantId, String token) {
        find(tenantId, token).ifPresent(sessions::remove);
    }

    public int endAll(String tenantId, String accountId) {
        return sessions.removeAll(tenantId, accountId);
    }

    private Optional<SignInSession> find(String tenantId, String token) {
        if (tenantId == null || token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return sessions.findByTokenHash(tenantId, Secrets.sha256(token));
    }

    private static CustomerSession view(SignInSession s, String token) {
        return new CustomerSession(s.tenantId(), s.accountId(), token, s.csrfToken(), s.idleExpiresAt(),
                s.absoluteExpiresAt());
    }
}
