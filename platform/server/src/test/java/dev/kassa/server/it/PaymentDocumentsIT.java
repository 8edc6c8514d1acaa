package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
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
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PDFs of credit notes and receipts (stored by the worker once issued) and the pro-forma of a
 * bank-transfer top-up (made on request), over the API and in the client area, each behind the
 * tenant's and the account's walls.
 */
@ExtendWith(KassaExtension.class)
class PaymentDocumentsIT {
    private static final Map<String, String> ACCEPT_PDF = Map.of("Accept", "application/pdf, application/problem+json");

    private static ApiClient.Download stored(Kassa.Tenant tenant, String path) throws InterruptedException {
        ApiClient.Download[] last = new ApiClient.Download[1];
        Eventually.until(() -> {
            last[0] = tenant.api().download(path, ACCEPT_PDF);
            if (last[0].status() == 409) {
                assertTrue(last[0].text().contains("\"document.not_ready\""), last[0].text());
            }
            return last[0].status() == 200;
        }, path + " is stored");
        return last[0];
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** A paid bank-transfer top-up of {@code amount} by the account's payer; returns its id. */
    private static String paidTopUp(Kassa.Tenant tenant, String account, String payer, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "bank-transfer", "payerId", payer));
        assertEquals(201, topUp.status(), topUp::toString);
        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(),
                "reference", topUp.string("reference"), "amount", money(amount, "EUR")));
        assertEquals(201, transfer.status(), transfer::toString);
        return topUp.string("id");
    }

    @Test
    void creditNotesAndReceiptsArePrintedOnceIssued(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String account = ClientAreas.newCustomer(tenant, "Beispiel GmbH", "DE");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
        String topUp = paidTopUp(tenant, account, payer, "200.00");
        String invoice = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Dedicated server dx-7", 2, "50.00"));
        String number = tenant.api().post("invoices/" + invoice + "/finalize", "{}").string("number");
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance")).status());
        String lineId = tenant.api().get("invoices/" + invoice).object().getJsonArray("lines").getJsonObject(0)
                .getString("id");
        ApiResponse note = tenant.api().post("invoices/" + invoice + "/credit-notes", obj("reason", "Downtime in May",
                "lines", raw("[" + obj("invoiceLineId", lineId, "quantity", 1) + "]")));
        assertEquals(201, note.status(), note::toString);

        ApiClient.Download creditPdf = stored(tenant, "credit-notes/" + note.string("id") + "/pdf");
        String credit = text(creditPdf.body());
        assertTrue(credit.contains("Credit note") && credit.contains(note.string("number"))
                && credit.contains("Credit note for invoice " + number) && credit.contains("Downtime in May")
                && credit.contains("credited to your account balance"), credit);
        try (PDDocument doc = Loader.loadPDF(creditPdf.body())) {
            var files = new PDDocumentNameDictionary(doc.getDocumentCatalog()).getEmbeddedFiles().getNames();
            String xml = new String(files.get("factur-x.xml").getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<ram:TypeCode>381</ram:TypeCode>") && xml.contains(number), xml);
        }

        String receipt = tenant.api().get("accounts/" + account + "/receipts").items().getJsonObject(0).getString("id");
        String receiptNumber = tenant.api().get("receipts/" + receipt).string("number");
        String printed = text(stored(tenant, "receipts/" + receipt + "/pdf").body());
        assertTrue(printed.contains("Receipt") && printed.contains(receiptNumber) && printed.contains("not an invoice")
                && printed.contains("Bank transfer"), printed);
        assertTrue(!printed.contains("VAT rate"), "a receipt has no VAT: " + printed);

        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().download("credit-notes/" + note.string("id") + "/pdf", ACCEPT_PDF).status());
        assertEquals(404, other.api().download("receipts/" + receipt + "/pdf", ACCEPT_PDF).status());

        ClientAreaClient browser = ClientAreas.signIn(tenant, account, ClientAreas.open(kassa, tenant));
        ClientAreaClient.Page mine = browser.get("/top-ups/" + topUp + "/receipt");
        assertEquals(200, mine.status(), mine::toString);
        assertEquals("application/pdf", mine.header("Content-Type").orElseThrow());
        assertTrue(browser.get("/history").body().contains("/top-ups/" + topUp + "/receipt"), "linked from history");
        String neighbour = ClientAreas.newCustomer(tenant, "Neighbour", "DE");
        ClientAreaClient next = ClientAreas.signIn(tenant, neighbour, ClientAreas.open(kassa, tenant));
        assertEquals(404, next.get("/top-ups/" + topUp + "/receipt").status(), "another account's receipt");
    }

    @Test
    void aBankTransferTopUpHasAProFormaUntilItIsPaid(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String account = ClientAreas.newCustomer(tenant, "Beispiel GmbH", "DE");
        String payer = InvoiceIT.payer(tenant, account, "COMPANY", "DE", "DE136695976");
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("80.00", "EUR"), "method", "bank-transfer", "payerId", payer));
        assertEquals(201, topUp.status(), topUp::toString);
        String id = topUp.string("id");

        ApiClient.Download proForma = tenant.api().download("top-ups/" + id + "/pro-forma", ACCEPT_PDF);
        assertEquals(200, proForma.status(), proForma::text);
        assertEquals("application/pdf", proForma.header("Content-Type"));
        String text = text(proForma.body());
        assertTrue(text.contains("Pro-forma invoice") && text.contains(topUp.string("reference"))
                && text.contains("DE136695976") && text.contains("not an invoice") && text.contains("80.00"), text);

        ClientAreaClient browser = ClientAreas.signIn(tenant, account, ClientAreas.open(kassa, tenant));
        assertTrue(browser.get("/top-up/instructions?topUp=" + id).body().contains("/top-ups/" + id + "/pro-forma"),
                "offered on the instructions");
        assertEquals(200, browser.get("/top-ups/" + id + "/pro-forma").status());
        String neighbour = ClientAreas.newCustomer(tenant, "Neighbour", "DE");
        ClientAreaClient next = ClientAreas.signIn(tenant, neighbour, ClientAreas.open(kassa, tenant));
        assertEquals(404, next.get("/top-ups/" + id + "/pro-forma").status(), "another account's top-up");
        assertEquals(404, kassa.newTenant().api().download("top-ups/" + id + "/pro-forma", ACCEPT_PDF).status());

        tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(), "reference",
                topUp.string("reference"), "amount", money("80.00", "EUR")));
        ApiClient.Download paid = tenant.api().download("top-ups/" + id + "/pro-forma", ACCEPT_PDF);
        assertEquals(409, paid.status(), paid::text);
        assertTrue(paid.text().contains("\"topup.no_pro_forma\""), paid.text());
    }
}
