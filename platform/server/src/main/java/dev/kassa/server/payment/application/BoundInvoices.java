package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;

/**
 * The invoices a top-up can be bound to, as the payment context needs to know them. Billing, which
 * depends on payments and not the other way round, implements it; it pays the invoice when the
 * bound top-up's {@link TopUpPaid} is fired.
 */
public interface BoundInvoices {
    /** An open invoice a top-up may pay: its number, its payer and its gross amount, in the account's currency. */
    record Payable(String invoiceId, String number, String payerId, Money amount) { }

    /**
     * The invoice, if {@code accountId}'s payer {@code payerId} (null: the invoice's own) may pay it now.
     *
     * @throws dev.kassa.server.shared.KassaException 404 for an unknown or another tenant's invoice;
     *     422 {@code topup.invoice_mismatch} for another account's invoice or another payer's; 409
     *     {@code invoice.not_finalized}, {@code invoice.already_paid}, {@code invoice.cancelled}
     */
    Payable requirePayable(String tenantId, String accountId, String payerId, String invoiceId);

    /**
     * Locks the invoice until the transaction ends, before its account is locked: the lock order is
     * attempt, top-up, invoice, account, as paying an invoice from the balance takes invoice, then account.
     */
    void lock(String tenantId, String invoiceId);
}
