package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.Invoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The invoice steps a renewal takes, joined to the renewal's transaction: the same services the
 * API uses (drafting, finalising, paying from the balance), so a renewal invoice is numbered, taxed
 * and paid exactly as one made by hand, with the same events and webhooks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceSteps {
    private InvoiceService drafts;
    private InvoiceFinalization finalization;
    private InvoicePayments payments;
    private BillingSettingsService settings;

    protected InvoiceSteps() {
    }

    @Inject
    public InvoiceSteps(InvoiceService drafts, InvoiceFinalization finalization, InvoicePayments payments,
                        BillingSettingsService settings) {
        this.drafts = drafts;
        this.finalization = finalization;
        this.payments = payments;
        this.settings = settings;
    }

    /** A new invoice, drafted and finalised (numbered, {@code NEW}). */
    public Invoice finalized(String tenantId, String accountId, InvoiceService.DraftRequest request) {
        Invoice draft = drafts.createDraft(tenantId, accountId, request);
        return finalization.finalize(tenantId, draft.id());
    }

    /** A new draft, not finalised: a billing run drafts a whole batch, then numbers it ({@link #finalizeNew}). */
    public Invoice draft(String tenantId, String accountId, InvoiceService.DraftRequest request) {
        return drafts.createDraft(tenantId, accountId, request);
    }

    /** The drafts this transaction has just made, all of one tenant, finalised and numbered at once, in order. */
    public List<Invoice> finalizeNew(String tenantId, List<Invoice> newDrafts, Instant now) {
        return finalization.finalizeNew(tenantId, newDrafts, now);
    }

    public Invoice payFromBalance(String tenantId, String invoiceId) {
        return payments.payFromBalance(tenantId, invoiceId);
    }

    /**
     * Invoices this transaction has just made, all of one tenant, paid from balances it has locked
     * and knows cover them: their charges posted at once.
     */
    public List<Invoice> payAllFromBalance(String tenantId, List<String> invoiceIds) {
        return payments.payAllFromBalance(tenantId, invoiceIds);
    }

    public BillingSettings settings(String tenantId) {
        return settings.get(tenantId);
    }
}
