package dev.kassa.server.document.application;

import dev.kassa.server.billing.application.CreditNotes;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.application.Receipts;
import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.config.Secrets;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.DocumentRepository;
import dev.kassa.server.document.domain.DocumentStatus;
import dev.kassa.server.document.domain.StoredDocument;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.TopUp;
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
    private CreditNotes creditNotes;
    private Receipts receipts;
    private TopUpService topUps;
    private DocumentProduction production;
    private CustomerLanguages languages;

    protected Documents() {
    }

    @Inject
    public Documents(DocumentRepository documents, InvoiceService invoices, CreditNotes creditNotes, Receipts receipts,
                     TopUpService topUps, DocumentProduction production, CustomerLanguages languages) {
        this.documents = documents;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.receipts = receipts;
        this.topUps = topUps;
        this.production = production;
        this.languages = languages;
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

    /**
     * The PDF of one of the tenant's credit notes.
     *
     * @throws KassaException 404 for another tenant's or an unknown credit note; 409 {@code document.not_ready}
     */
    @Transactional
    public Pdf creditNote(String tenantId, String creditNoteId) {
        CreditNote note = creditNotes.get(tenantId, creditNoteId);
        return stored(tenantId, DocumentKind.CREDIT_NOTE, note.id(), note.number());
    }

    /** The same for a customer: only the credit notes of their account; any other is 404. */
    @Transactional
    public Pdf creditNoteOfAccount(String tenantId, String accountId, String creditNoteId) {
        CreditNote note = creditNotes.get(tenantId, creditNoteId);
        if (!note.accountId().equals(accountId)) {
            throw KassaException.notFound();
        }
        return stored(tenantId, DocumentKind.CREDIT_NOTE, note.id(), note.number());
    }

    /**
     * The PDF of one of the tenant's receipts.
     *
     * @throws KassaException 404 for another tenant's or an unknown receipt; 409 {@code document.not_ready}
     */
    @Transactional
    public Pdf receipt(String tenantId, String receiptId) {
        Receipt receipt = receipts.get(tenantId, receiptId);
        return stored(tenantId, DocumentKind.RECEIPT, receipt.id(), receipt.number());
    }

    /** The receipt of one of a customer's top-ups; another account's, or one not paid yet, is 404. */
    @Transactional
    public Pdf receiptOfTopUp(String tenantId, String accountId, String topUpId) {
        Receipt receipt = receipts.ofTopUp(tenantId, topUpId).filter(r -> r.accountId().equals(accountId))
                .orElseThrow(KassaException::notFound);
        return stored(tenantId, DocumentKind.RECEIPT, receipt.id(), receipt.number());
    }

    /**
     * The pro-forma of a bank-transfer top-up still waiting for its money, made now (it is no
     * invoice and is not kept), in the customer's language.
     *
     * @throws KassaException 404 for another tenant's or an unknown top-up; 409 {@code topup.no_pro_forma}
     */
    public Pdf proForma(String tenantId, String topUpId) {
        TopUp topUp = topUps.get(tenantId, topUpId);
        return proForma(topUp);
    }

    /** The same for a customer: only the top-ups of their account; any other is 404. */
    public Pdf proFormaOfAccount(String tenantId, String accountId, String topUpId) {
        TopUp topUp = topUps.get(tenantId, topUpId);
        if (!topUp.accountId().equals(accountId)) {
            throw KassaException.notFound();
        }
        return proForma(topUp);
    }

    private Pdf proForma(TopUp topUp) {
        if (!ProFormaDocuments.offered(topUp)) {
            throw KassaException.conflict("topup.no_pro_forma", "No pro-forma",
                    "A pro-forma is made for a bank-transfer top-up that is still waiting for its money.");
        }
        String locale = languages.of(topUp.tenantId(), topUp.accountId());
        PdfWriter.Pdf pdf = production.produce(new ClaimedDocument(null, topUp.tenantId(), DocumentKind.PRO_FORMA,
                topUp.id(), locale, 1));
        return new Pdf(pdf.bytes(), Secrets.sha256(pdf.bytes()), "pro-forma-" + topUp.reference() + ".pdf");
    }

    private Pdf stored(String tenantId, DocumentKind kind, String sourceId, String number) {
        StoredDocument stored = documents.find(tenantId, kind, sourceId)
                .filter(d -> d.status() == DocumentStatus.STORED)
                .orElseThrow(() -> KassaException.conflict("document.not_ready", "Document not ready",
                        "The PDF of " + number + " is being made; ask again in a few seconds."));
        return new Pdf(stored.pdf(), stored.sha256(), number + ".pdf");
    }
}
