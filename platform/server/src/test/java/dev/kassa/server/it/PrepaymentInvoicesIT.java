package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code invoiceTopUps: true}: a paid top-up gets a prepayment invoice (VAT included in the amount
 * received); each invoice the balance then pays (a renewal by the billing run, {@code POST
 * /invoices/{id}/pay}) carries its own VAT and a credit note takes the prepayment's VAT back for
 * the part spent; a refund of unused funds takes the rest back. With {@code false} nothing of it
 * happens. On a node of its own that runs the billing run every second.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrepaymentInvoicesIT {
    private static final String YEAR = Year.now(ZoneOffset.UTC).toString();
    private KassaProcess node;
    private Kassa kassa;

    @BeforeAll
    void aNodeThatBillsEverySecond(EmbeddedDatabase database) throws IOException {
        String url = database.createDatabase("kassa_prepayments");
        String token = "op-prepay-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = Files.createTempDirectory("kassa-prepay-it-");
        node = KassaProcess.start(KassaProcess.env("KASSA_DB_URL", url, "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dir.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", token, "KASSA_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                "KASSA_BILLING_INTERVAL", "1"));
        kassa = new Kassa(node, token);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static void settings(Kassa.Tenant tenant, boolean invoiceTopUps) {
        ApiResponse r = tenant.api().put("settings/billing", obj("establishmentCountry", "FR", "vatId",
                "FR40303265045", "invoiceTopUps", invoiceTopUps));
        assertEquals(200, r.status(), r::toString);
    }

    private static String paidTopUp(Kassa.Tenant tenant, String account, String payer, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "bank-transfer", "payerId", payer));
        assertEquals(201, topUp.status(), topUp::toString);
        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(),
                "reference", topUp.string("reference"), "amount", money(amount, "EUR")));
        assertEquals(201, transfer.status(), transfer::toString);
        return topUp.string("id");
    }

    private static JsonArray creditNotes(Kassa.Tenant tenant, String invoice) {
        return tenant.api().get("invoices/" + invoice + "/credit-notes").items();
    }

    /** The text of a stored document's PDF, once the worker has made it. */
    private static String pdfText(Kassa.Tenant tenant, String path) throws Exception {
        ApiClient.Download[] last = new ApiClient.Download[1];
        Eventually.until(() -> {
            last[0] = tenant.api().download(path, Map.of("Accept", "application/pdf, application/problem+json"));
            return last[0].status() == 200;
        }, "the PDF of " + path);
        try (PDDocument doc = Loader.loadPDF(last[0].body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String amount(JsonObject o, String field) {
        return o.getJsonObject(field).getString("amount");
    }

    @Test
    void aTopUpIsInvoicedAndWhatItsBalancePaysOrRefundsTakesItsVatBack() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        settings(tenant, true);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);

        String topUp = paidTopUp(tenant, account, payer, "100.00");
        assertEquals("100.00", tenant.balance(account), "the balance gets all the money received");
        assertEquals(1, tenant.api().get("accounts/" + account + "/receipts").items().size(), "receipted as ever");
        JsonArray paid = tenant.api().get("accounts/" + account + "/invoices?status=PAID").items();
        assertEquals(1, paid.size(), paid::toString);
        JsonObject prepayment = paid.getJsonObject(0);
        String prepaymentId = prepayment.getString("id");
        String prepaymentNumber = prepayment.getString("number");
        assertEquals("INV-" + YEAR + "-000001", prepaymentNumber);
        assertEquals(topUp, prepayment.getString("topUpId"));
        assertTrue(prepayment.getBoolean("pricesIncludeVat"), "the money received includes its VAT");
        assertEquals("100.00", amount(prepayment, "gross"));
        assertEquals("16.67", amount(prepayment, "vat"), "100 × 20 / 120, rounded half up once");
        assertEquals("83.33", amount(prepayment, "net"));
        assertEquals("100.00", amount(prepayment, "prepaymentLeft"));
        JsonObject line = prepayment.getJsonArray("lines").getJsonObject(0);
        assertEquals("Account credit", line.getString("description"));
        assertEquals("DOMESTIC", line.getJsonObject("tax").getString("rule"));
        assertEquals("20", line.getJsonObject("tax").getString("rate"));
        assertTrue(!prepayment.isNull("paidAt") && !prepayment.isNull("paymentTransactionId"), prepayment::toString);

        ApiResponse byHand = tenant.api().post("invoices/" + prepaymentId + "/credit-notes", obj("reason", "No"),
                UUID.randomUUID().toString());
        assertEquals(409, byHand.status(), byHand::toString);
        assertEquals("credit_note.prepayment", byHand.code());

        // A renewal by the billing run, paid from the prepaid balance: its own invoice with its VAT,
        // and a credit note taking that much of the prepayment back.
        ApiResponse service = ServicesIT.create(tenant, account, payer, "9.00",
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        assertEquals(201, service.status(), service::toString);
        Eventually.until(() -> creditNotes(tenant, prepaymentId).size() == 1, "the renewal's credit note");
        JsonObject renewal = tenant.api().get("accounts/" + account + "/invoices?status=PAID").items().getJsonObject(0);
        assertEquals("INV-" + YEAR + "-000002", renewal.getString("number"));
        assertEquals("10.80", amount(renewal, "gross"));
        assertEquals("1.80", amount(renewal, "vat"));
        assertTrue(renewal.isNull("prepaymentLeft"));
        assertEquals("89.20", tenant.balance(account));
        JsonObject applied = creditNotes(tenant, prepaymentId).getJsonObject(0);
        assertEquals("CN-" + YEAR + "-000001", applied.getString("number"));
        assertEquals(prepaymentNumber, applied.getString("invoiceNumber"));
        assertEquals("PREPAYMENT_APPLIED", applied.getString("settlement"));
        assertEquals("10.80", amount(applied, "gross"));
        assertEquals("1.80", amount(applied, "vat"));
        assertTrue(applied.isNull("transactionId"), "no money moves: the balance paid the renewal");
        assertEquals("Prepayment applied to invoice " + renewal.getString("number"), applied.getString("reason"));
        assertEquals("89.20", tenant.api().get("invoices/" + prepaymentId).amount("prepaymentLeft"));

        // An invoice paid from the balance by hand.
        String invoice = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Migration of srv-42", 1, "49.00"));
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/finalize", null).status());
        ApiResponse pay = tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance"));
        assertEquals(200, pay.status(), pay::toString);
        assertEquals("58.80", pay.amount("gross"));
        assertEquals("30.40", tenant.balance(account));
        assertEquals("30.40", tenant.api().get("invoices/" + prepaymentId).amount("prepaymentLeft"));
        assertEquals("9.80", amount(creditNotes(tenant, prepaymentId).getJsonObject(0), "vat"));

        // Switching the setting off stops invoicing new top-ups, not taking back those invoiced.
        settings(tenant, false);
        ApiResponse refund = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("30.40", "EUR")),
                UUID.randomUUID().toString());
        assertEquals(201, refund.status(), refund::toString);
        assertEquals(2, creditNotes(tenant, prepaymentId).size(), "taken back once the money is sent");
        ApiResponse sent = tenant.api().post("refunds/" + refund.string("id") + "/sent", "{}");
        assertEquals("SUCCEEDED", sent.string("status"), sent::toString);
        JsonObject refunded = creditNotes(tenant, prepaymentId).getJsonObject(0);
        assertEquals("CN-" + YEAR + "-000003", refunded.getString("number"));
        assertEquals("PREPAYMENT_REFUNDED", refunded.getString("settlement"));
        assertEquals(prepaymentNumber, refunded.getString("invoiceNumber"));
        assertEquals("30.40", amount(refunded, "gross"));
        assertEquals("5.07", amount(refunded, "vat"), "the last part takes exactly what is left: 16.67 − 1.80 − 9.80");
        assertTrue(refunded.getBoolean("fullCredit"));
        JsonObject after = tenant.api().get("invoices/" + prepaymentId).object();
        assertEquals("0.00", amount(after, "prepaymentLeft"));
        assertEquals("PAID", after.getString("status"), "a used prepayment stays paid");
        assertEquals("0.00", tenant.balance(account));

        String invoicePdf = pdfText(tenant, "invoices/" + prepaymentId + "/pdf");
        assertTrue(invoicePdf.contains(prepaymentNumber) && invoicePdf.contains("Account credit")
                && invoicePdf.contains("Prepayment: VAT is charged on the amount received"), invoicePdf);
        String notePdf = pdfText(tenant, "credit-notes/" + refunded.getString("id") + "/pdf");
        assertTrue(notePdf.contains(refunded.getString("number"))
                && notePdf.contains("was not used and has been refunded to you"), notePdf);

        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().get("invoices/" + prepaymentId).status());
        assertEquals(404, other.api().get("invoices/" + prepaymentId + "/credit-notes").status());
    }

    @Test
    void withoutInvoiceTopUpsATopUpIsOnlyReceiptedAndTheBalancePaysAsBefore() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        settings(tenant, false);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        paidTopUp(tenant, account, payer, "100.00");
        assertEquals("100.00", tenant.balance(account));
        assertEquals(1, tenant.api().get("accounts/" + account + "/receipts").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices").items().size(), "no invoice");

        String invoice = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Migration of srv-42", 1, "49.00"));
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/finalize", null).status());
        ApiResponse pay = tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance"));
        assertEquals(200, pay.status(), pay::toString);
        assertEquals("INV-" + YEAR + "-000001", pay.string("number"));
        assertTrue(pay.object().isNull("topUpId") && pay.object().isNull("prepaymentLeft"), pay::toString);
        assertEquals("41.20", tenant.balance(account));
        assertEquals(0, tenant.api().get("accounts/" + account + "/credit-notes").items().size());
    }

    @Test
    void aFrenchCustomersPrepaymentIsACreditDeCompte() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        settings(tenant, true);
        assertEquals(200, tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR"))).status());
        ApiResponse created = tenant.api().post("accounts", obj("email", "zoe" + System.nanoTime() + "@example.com",
                "name", "Zoé", "country", "FR", "locale", "fr"));
        assertEquals(201, created.status(), created::toString);
        String account = created.string("id");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
        paidTopUp(tenant, account, payer, "10.00");
        JsonObject prepayment = tenant.api().get("accounts/" + account + "/invoices?status=PAID").items()
                .getJsonObject(0);
        JsonObject line = prepayment.getJsonArray("lines").getJsonObject(0);
        assertEquals("Crédit de compte", line.getString("description"));
        assertEquals("B2C_DESTINATION", line.getJsonObject("tax").getString("rule"), "taxed as any supply to that payer");
        assertEquals("19", line.getJsonObject("tax").getString("rate"));
        assertEquals("1.60", amount(prepayment, "vat"), "10 × 19 / 119 = 1.596…");
    }
}
