package dev.kassa.server.signin.application;

import dev.kassa.server.signin.domain.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Moves a session's idle timeout in a transaction of its own, so that it holds even when the page
 * that resumed the session rolls its own transaction back.
 */
@ApplicationScoped
public class SessionTouches {
    private SessionRepository sessions;

    protected SessionTouches() {
    }

    @Inject
    public SessionTouches(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void touch(String tenantId, String tokenHash, Instant now) {
        sessions.findByTokenHash(tenantId, tokenHash).ifPresent(s -> s.touch(now));
    }
}
