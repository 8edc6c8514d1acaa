package dev.kassa.server.idempotency;

import dev.kassa.server.db.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Claims and completes idempotency keys. A claim commits on its own, before the work starts; the
 * completion is written in the same transaction as the work, so a response is only ever replayed
 * for work that committed. A claim whose work never finished (the process died) can be taken over
 * after {@link #ABANDONED_AFTER}: its work did not commit, so redoing it is safe.
 */
@ApplicationScoped
public class IdempotencyStore {
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    /** Keys are kept well beyond the promised 24 hours. */
    static final Duration RETENTION = Duration.ofHours(48);

    public sealed interface Claim {
        record Claimed() implements Claim { }
        record Replay(int status, String type, String body) implements Claim { }
        record Mismatch() implements Claim { }
        record InProgress() implements Claim { }
    }

    private EntityManager em;
    private Clock clock;

    protected IdempotencyStore() {
    }

    @Inject
    public IdempotencyStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String scope, String key, String requestHash) {
        Instant now = clock.instant();
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope, key),
                LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            try {
                em.persist(new IdempotencyRecord(scope, key, requestHash, now));
                em.flush();
                return new Claim.Claimed();
            } catch (PersistenceException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    // A concurrent request with the same key claimed it a moment ago.
                    throw new ConcurrentClaimException();
                }
                throw e;
            }
        }
        if (!existing.requestHash().equals(requestHash)) {
            return new Claim.Mismatch();
        }
        if (existing.state() == IdempotencyRecord.State.DONE) {
            return new Claim.Replay(existing.responseStatus(), existing.responseType(), existing.responseBody());
        }
        if (existing.lockedAt().plus(ABANDONED_AFTER).isBefore(now)) {
            existing.relock(now);
            return new Claim.Claimed();
        }
        return new Claim.InProgress();
    }

    /** Records the response in the caller's (the work's) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, int status, String type, String body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope, key));
        if (record != null) {
            record.complete(status, type, body);
        }
    }

    /** Records the response of work that did not happen (it was refused) in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completeAlone(String scope, String key, int status, String type, String body) {
        complete(scope, key, status, type, body);
    }

    /**
     * Frees a claim whose work failed unexpectedly (a 5xx, a failed commit), so the client may retry
     * with the same key at once. The claim and its request fingerprint stay: a retry is still
     * compared with the first request, and a different one is a mismatch, never a fresh start.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String scope, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(scope, key),
                LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.state() == IdempotencyRecord.State.IN_PROGRESS) {
            record.relock(Instant.EPOCH);
        }
    }

    @Transactional
    public int purgeExpired() {
        return em.createQuery("delete from IdempotencyRecord r where r.createdAt < :cutoff")
                .setParameter("cutoff", clock.instant().minus(RETENTION)).executeUpdate();
    }

    /** The same key was claimed by a concurrent request between our look-up and our insert. */
    public static final class ConcurrentClaimException extends RuntimeException {
        ConcurrentClaimException() {
            super(null, null, false, false);
        }
    }
}
