package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.KassaException;
import java.util.List;
import java.util.Optional;

/** Invoices with their lines, always within one tenant; joins the caller's transaction. */
public interface InvoiceRepository {
    Optional<Invoice> find(String tenantId, String id);

    /** The invoice, or 404 {@code not_found}. */
    default Invoice require(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The invoice, locked until the transaction ends (404 when there is none). */
    Invoice lock(String tenantId, String id);

    /**
     * Whether the current transaction created this invoice ({@link #add}): no other transaction can
     * see it, or make a service wait for it, before this one commits.
     */
    boolean createdInThisTransaction(String id);

    /** The account's invoices, newest first, {@code limit + 1} after the cursor (or null); status null is all. */
    List<Invoice> page(String tenantId, String accountId, InvoiceStatus status, String after, int limit);

    /** The invoice whose payment reference ({@code IV…}) is this one. */
    Optional<Invoice> findByPaymentReference(String tenantId, String paymentReference);
    /** The account's finalised invoices (drafts left out), newest first, {@code limit + 1} after the cursor (or null). */
    List<Invoice> pageFinalized(String tenantId, String accountId, String after, int limit);

    /**
     * The account's prepayment invoices with something left to take back, oldest first, locked until
     * the transaction ends. Callers hold the account's lock first (see {@code Prepayments}).
     */
    List<Invoice> lockPrepaymentsLeft(String tenantId, String accountId);

    void add(Invoice invoice);
}
