package dev.kassa.server.document.application;

import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.DocumentRepository;
import dev.kassa.server.document.domain.DocumentStatus;
import dev.kassa.server.document.domain.StoredDocument;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Stored documents as they are downloaded: by the tenant through the API, by the customer in the client area. */
@ApplicationScoped
public class Documents {
    /** Seconds a client is told to wait before it asks again for a document not rendered yet. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private DocumentRepository documents;
    private InvoiceService invoices;

    protected Documents() {
    }

    @Inject
    public Documents(DocumentRepository documents, InvoiceService invoices) {
        this.documents = documents;
        this.invoices = invoices;
    }

    /**
     * A stored PDF.
     *
     * @param fileName such as {@code INV-2026-000042.pdf}
     * @param sha256 hex
     */
    public record Pdf(byte[] bytes, String sha256, String fileName) { }

    /**
     * The PDF of one of the tenant's invoices.
     *
     * @throws KassaException 404 for another tenant's or an unknown invoice; 409 {@code invoice.not_finalized}
     *         for a draft; 409 {@code document.not_ready} while it is being rendered
     */
    @Transactional
    public Pdf invoice(String tenantId, String invoiceId) {
        return invoicePdf(tenantId, invoices.get(tenantId, invoiceId));
    }

    /** The same for a customer: only the invoices of their account; any other is 404. */
    @Transactional
    public Pdf invoiceOfAccount(String tenantId, String accountId, String invoiceId) {
        Invoice invoice = invoices.get(tenantId, invoiceId);
        if (!invoice.accountId().equals(accountId) || invoice.status() == InvoiceStatus.DRAFT) {
            throw KassaException.notFound();
        }
        return invoicePdf(tenantId, invoice);
    }

    private Pdf invoicePdf(String tenantId, Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw KassaException.conflict("invoice.not_finalized", "Invoice not finalised",
                    "A draft has no PDF: finalise it first.");
        }
        StoredDocument stored = documents.find(tenantId, DocumentKind.INVOICE, invoice.id())
                .filter(d -> d.status() == DocumentStatus.STORED)
                .orElseThrow(() -> KassaException.conflict("document.not_ready", "Document not ready",
                        "The PDF of invoice " + invoice.number() + " is being made; ask again in a few seconds."));
        return new Pdf(stored.pdf(), stored.sha256(), invoice.number() + ".pdf");
    }
}
