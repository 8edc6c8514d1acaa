package dev.kassa.server.signin.domain;

import java.time.Instant;
import java.util.Optional;

/** Customers' sessions, always within one tenant; joins the caller's transaction. */
public interface SessionRepository {
    /** The session whose token has this SHA-256 (hex), live or not. */
    Optional<SignInSession> findByTokenHash(String tenantId, String tokenHash);

    void add(SignInSession session);

    void remove(SignInSession session);

    /** Ends every session of the account; returns how many. */
    int removeAll(String tenantId, String accountId);

    /** Forgets the sessions that no longer work at {@code now}, of every tenant; returns how many. */
    int purgeExpired(Instant now);
}
