package dev.kassa.server.clientarea.api;

import dev.kassa.server.document.application.Documents;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /invoices/{id}/pdf}: the PDF of one of the signed-in customer's invoices, once it is
 * stored. Another account's or tenant's invoice, a draft or an unknown id is the not-found page;
 * a PDF still being made is a page that says so (503).
 */
@ApplicationScoped
public class InvoicePdfPage implements ClientAreaPage {
    /** The path pattern {@link ClientAreaServlet} routes here; the id is the middle segment. */
    static final String PATH = "/invoices/*/pdf";
    private static final Pattern ID = Pattern.compile("/invoices/(inv_[A-Za-z0-9]{1,60})/pdf");

    private Documents documents;

    protected InvoicePdfPage() {
    }

    @Inject
    public InvoicePdfPage(Documents documents) {
        this.documents = documents;
    }

    @Override
    public Set<String> paths() {
        return Set.of(PATH);
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        Matcher m = ID.matcher(visit.path());
        if (!m.matches()) {
            throw KassaException.notFound();
        }
        Documents.Pdf pdf;
        try {
            pdf = documents.invoiceOfAccount(visit.tenantId(), visit.accountId(), m.group(1));
        } catch (KassaException e) {
            if (!"document.not_ready".equals(e.code())) {
                throw e;
            }
            return Reply.page(503, "error", Map.of("message", "error.documentNotReady"));
        }
        return TopUpDocumentPages.pdf(pdf);
    }
}
