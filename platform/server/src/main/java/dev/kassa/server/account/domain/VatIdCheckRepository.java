package dev.kassa.server.account.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The VAT ID checks kept on payers. Every method joins the caller's transaction. */
public interface VatIdCheckRepository {
    /** A payer whose VAT ID is due to be checked. */
    record Due(String tenantId, String accountId, String payerId, String vatId) { }

    /**
     * Up to {@code limit} payers whose check is due by {@code now}, oldest due first, claimed: their
     * next attempt moves to {@code leaseUntil}, so another node (or the next round) passes over them
     * while this one asks VIES; rows another transaction holds are skipped, not waited for.
     */
    List<Due> claimDue(Instant now, Instant leaseUntil, int limit);

    /** The payer, locked until the transaction ends. */
    Optional<Payer> lockPayer(String tenantId, String payerId);
}
