package dev.kassa.server.clientarea.api;

import dev.kassa.server.document.application.Documents;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of one of the signed-in customer's top-ups: {@code /top-ups/{id}/receipt} (the
 * receipt of a paid top-up, once stored) and {@code /top-ups/{id}/pro-forma} (the "payment invoice"
 * of a bank-transfer top-up still waiting for its money, made on request). Another account's or
 * tenant's top-up is the not-found page; a receipt still being made a page that says so (503).
 */
@ApplicationScoped
public class TopUpDocumentPages implements ClientAreaPage {
    static final String RECEIPT = "/top-ups/*/receipt";
    static final String PRO_FORMA = "/top-ups/*/pro-forma";
    private static final Pattern PATH = Pattern.compile("/top-ups/(top_[A-Za-z0-9]{1,60})/(receipt|pro-forma)");

    private Documents documents;

    protected TopUpDocumentPages() {
    }

    @Inject
    public TopUpDocumentPages(Documents documents) {
        this.documents = documents;
    }

    @Override
    public Set<String> paths() {
        return Set.of(RECEIPT, PRO_FORMA);
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        Matcher m = PATH.matcher(visit.path());
        if (!m.matches()) {
            throw KassaException.notFound();
        }
        Documents.Pdf pdf;
        try {
            pdf = "receipt".equals(m.group(2))
                    ? documents.receiptOfTopUp(visit.tenantId(), visit.accountId(), m.group(1))
                    : documents.proFormaOfAccount(visit.tenantId(), visit.accountId(), m.group(1));
        } catch (KassaException e) {
            if ("document.not_ready".equals(e.code())) {
                return Reply.page(503, "error", Map.of("message", "error.documentNotReady"));
            }
            if ("topup.no_pro_forma".equals(e.code())) {
                throw KassaException.notFound();
            }
            throw e;
        }
        return pdf(pdf);
    }

    /** The PDF as a download, with its digest. */
    static Reply pdf(Documents.Pdf pdf) {
        return Reply.bytes("application/pdf", pdf.bytes(), Map.of(
                "ETag", "\"" + pdf.sha256() + "\"",
                "Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(pdf.sha256()))
                        + ":",
                "Content-Disposition", "attachment; filename=\"" + pdf.fileName().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\""));
    }
}
