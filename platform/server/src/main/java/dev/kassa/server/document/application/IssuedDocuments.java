package dev.kassa.server.document.application;

import dev.kassa.server.billing.application.CreditNoteIssued;
import dev.kassa.server.billing.application.ReceiptIssued;
import dev.kassa.server.document.domain.DocumentKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Queues the PDF of every credit note and receipt in the transaction that issues it, in the
 * customer's language, as {@link FinalizedInvoices} does for invoices.
 */
@ApplicationScoped
public class IssuedDocuments {
    private DocumentQueue queue;
    private CustomerLanguages languages;

    protected IssuedDocuments() {
    }

    @Inject
    public IssuedDocuments(DocumentQueue queue, CustomerLanguages languages) {
        this.queue = queue;
        this.languages = languages;
    }

    void onCreditNote(@Observes CreditNoteIssued event) {
        queue.queue(event.tenantId(), DocumentKind.CREDIT_NOTE, event.creditNoteId(),
                languages.of(event.tenantId(), event.accountId()));
    }

    void onReceipt(@Observes ReceiptIssued event) {
        queue.queue(event.tenantId(), DocumentKind.RECEIPT, event.receiptId(),
                languages.of(event.tenantId(), event.accountId()));
    }
}
