package dev.kassa.server.payment.domain;

import java.time.Instant;
import java.util.List;

/**
 * Claims rows due a check so that several Kassa nodes on one database never ask about the same one
 * at once. Joins the caller's transaction; the claim holds once that commits.
 */
public interface JanitorClaimRepository {
    /**
     * Up to {@code limit} rows of {@code kind} whose next check is due at {@code now}, oldest due
     * first, skipping rows another node is claiming; their next check moves to {@code leaseEnd} and
     * their check count goes up by one.
     */
    List<JanitorClaim> claimDue(JanitorClaim.Kind kind, Instant now, int limit, Instant leaseEnd);
}
