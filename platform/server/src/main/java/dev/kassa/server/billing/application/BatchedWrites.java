package dev.kassa.server.billing.application;

import java.util.function.Supplier;

/**
 * Rows another context makes on the events of a billing run's batch (its mails, say) and can write
 * all at once when the batch's work returns, in the batch's transaction, rather than one by one at
 * the commit: the batch holds the tenant's invoice counter from numbering to commit, so what it
 * writes in that stretch bounds how fast a tenant's renewals go. Billing owns the interface, the
 * other context implements it, so billing depends on none of them.
 */
public interface BatchedWrites {
    /**
     * Runs {@code work} and writes what it collected when it returns; writes nothing of it when it
     * throws (the transaction then rolls back).
     */
    <T> T collecting(Supplier<T> work);
}
