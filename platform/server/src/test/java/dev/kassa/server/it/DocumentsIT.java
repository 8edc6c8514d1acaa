package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreas;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invoice PDFs over HTTP: queued at finalisation, rendered by the worker, then the same stored
 * bytes every time, with their SHA-256; behind the tenant's wall and, in the client area, the
 * account's.
 */
@ExtendWith(KassaExtension.class)
class DocumentsIT {
    private static final Map<String, String> ACCEPT_PDF = Map.of("Accept", "application/pdf, application/problem+json");

    /** A French tenant's finalised invoice to a German company of a new account; returns {account, invoice}. */
    private static String[] finalisedInvoice(Kassa.Tenant tenant, String customerName) {
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String account = ClientAreas.newCustomer(tenant, customerName, "DE");
        String payer = InvoiceIT.payer(tenant, account, "COMPANY", "DE", "DE136695976");
        String invoice = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Dedicated server dx-7", 1, "120.00"));
        ApiClient.Download draft = tenant.api().download("invoices/" + invoice + "/pdf", ACCEPT_PDF);
        assertEquals(409, draft.status(), draft::text);
        assertTrue(draft.text().contains("\"invoice.not_finalized\""), draft.text());
        ApiResponse finalised = tenant.api().post("invoices/" + invoice + "/finalize", "{}");
        assertEquals(200, finalised.status(), finalised::toString);
        return new String[] {account, invoice};
    }

    static ApiClient.Download stored(Kassa.Tenant tenant, String invoice) throws InterruptedException {
        ApiClient.Download[] last = new ApiClient.Download[1];
        Eventually.until(() -> {
            last[0] = tenant.api().download("invoices/" + invoice + "/pdf", ACCEPT_PDF);
            if (last[0].status() == 409) {
                assertTrue(last[0].text().contains("\"document.not_ready\""), last[0].text());
                assertEquals("2", last[0].header("Retry-After"));
            }
            return last[0].status() == 200;
        }, "the invoice's PDF is stored");
        return last[0];
    }

    @Test
    void theInvoicePdfIsStoredOnceWithItsDigestAndCarriesItsFacturX(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String invoice = finalisedInvoice(tenant, "Beispiel GmbH")[1];
        String number = tenant.api().get("invoices/" + invoice).string("number");

        ApiClient.Download pdf = stored(tenant, invoice);

        assertEquals("application/pdf", pdf.header("Content-Type"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertEquals("\"" + sha256 + "\"", pdf.header("ETag"));
        assertTrue(pdf.header("Content-Disposition").contains(number + ".pdf"), pdf.header("Content-Disposition"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number) && text.contains("Reverse charge") && text.contains("DE136695976"), text);
            var files = new PDDocumentNameDictionary(doc.getDocumentCatalog()).getEmbeddedFiles().getNames();
            String xml = new String(files.get("factur-x.xml").getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<ram:ID>" + number + "</ram:ID>") && xml.contains("<ram:CategoryCode>AE"), xml);
        }
        ApiClient.Download again = tenant.api().download("invoices/" + invoice + "/pdf", ACCEPT_PDF);
        assertArrayEquals(pdf.body(), again.body(), "a stored document never changes");
    }

    @Test
    void anotherTenantsInvoicePdfIsNotFound(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String invoice = finalisedInvoice(tenant, "Beispiel GmbH")[1];
        stored(tenant, invoice);

        ApiClient.Download theirs = other.api().download("invoices/" + invoice + "/pdf", ACCEPT_PDF);

        assertEquals(404, theirs.status(), theirs::text);
        assertTrue(theirs.text().contains("\"not_found\""), theirs.text());
        assertEquals(404, other.api().download("invoices/inv_nothing/pdf", ACCEPT_PDF).status());
    }

    @Test
    void inTheClientAreaACustomerGetsTheirOwnInvoicesPdfsOnly(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String[] made = finalisedInvoice(tenant, "Beispiel GmbH");
        String account = made[0];
        String invoice = made[1];
        String etag = stored(tenant, invoice).header("ETag");
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);

        ClientAreaClient.Page anonymous = browser.get("/invoices/" + invoice + "/pdf");
        assertEquals(303, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.location().startsWith("/sign-in"), anonymous.location());

        ClientAreas.signIn(tenant, account, browser);
        ClientAreaClient.Page mine = browser.get("/invoices/" + invoice + "/pdf");
        assertEquals(200, mine.status(), mine::toString);
        assertEquals("application/pdf", mine.header("Content-Type").orElseThrow());
        assertEquals(etag, mine.header("ETag").orElseThrow());
        assertTrue(mine.body().startsWith("%PDF-"), "a PDF");

        String neighbour = ClientAreas.newCustomer(tenant, "Neighbour", "DE");
        ClientAreaClient next = ClientAreas.signIn(tenant, neighbour, ClientAreas.open(kassa, tenant));
        assertEquals(404, next.get("/invoices/" + invoice + "/pdf").status(), "another account's invoice");
        assertEquals(404, next.get("/invoices/inv_nothing/pdf").status());

        Kassa.Tenant other = kassa.newTenant();
        String stranger = ClientAreas.newCustomer(other, "Stranger", "DE");
        ClientAreaClient elsewhere = ClientAreas.signIn(other, stranger, ClientAreas.open(kassa, other));
        assertEquals(404, elsewhere.get("/invoices/" + invoice + "/pdf").status(), "another tenant's invoice");
    }
}
