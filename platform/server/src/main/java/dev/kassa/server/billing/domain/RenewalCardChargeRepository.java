package dev.kassa.server.billing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The renewal invoices left open that the saved-card charger has taken, one row per invoice,
 * across tenants (each row carries its own). Every method joins the caller's transaction.
 */
public interface RenewalCardChargeRepository {
    /** A renewal invoice a service still waits for, not taken yet. */
    record Candidate(String tenantId, String serviceId, String accountId, String payerId, String invoiceId) { }

    /** Where a charge stands: {@link #CHARGING} until the gateway's answer is known. */
    String CHARGING = "charging";

    /**
     * Up to {@code limit} services (not terminated) whose oldest unpaid renewal invoice has not been
     * taken yet, the longest waiting first.
     */
    List<Candidate> untaken(int limit);

    /** Takes the invoice for charging; false when it was taken already (by this node or another). */
    boolean take(Candidate candidate, Instant now);

    /** The outcome of the charge of the invoice, if it was taken. */
    Optional<String> outcome(String tenantId, String invoiceId);

    /** The service the charge of the invoice is for, if it was taken. */
    Optional<String> serviceId(String tenantId, String invoiceId);

    /** Records the top-up that charges the invoice and where the charge stands. */
    void record(String tenantId, String invoiceId, String topUpId, String outcome, Instant now);
}
