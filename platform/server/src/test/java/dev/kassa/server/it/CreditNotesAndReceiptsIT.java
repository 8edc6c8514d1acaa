package dev.kassa.server.it;

import static dev.kassa.server.it.InvoiceIT.draftId;
import static dev.kassa.server.it.InvoiceIT.establish;
import static dev.kassa.server.it.InvoiceIT.line;
import static dev.kassa.server.it.InvoiceIT.payer;
import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credit notes correcting finalised invoices, and a receipt for every paid top-up, over HTTP. */
@ExtendWith(KassaExtension.class)
class CreditNotesAndReceiptsIT {
    private static final String YEAR = Year.now(ZoneOffset.UTC).toString();

    private static String finalized(Kassa.Tenant tenant, String invoice) {
        ApiResponse r = tenant.api().post("invoices/" + invoice + "/finalize", null);
        assertEquals(200, r.status(), r::toString);
        return r.string("number");
    }

    private static String lineId(Kassa.Tenant tenant, String invoice, int index) {
        return tenant.api().get("invoices/" + invoice).object().getJsonArray("lines").getJsonObject(index)
                .getString("id");
    }

    private static ApiResponse credit(Kassa.Tenant tenant, String invoice, String lines) {
        return tenant.api().post("invoices/" + invoice + "/credit-notes",
                lines == null ? obj("reason", "Correction") : obj("reason", "Correction", "lines", raw(lines)),
                UUID.randomUUID().toString());
    }

    private static String take(String lineId, int quantity) {
        return obj("invoiceLineId", lineId, "quantity", quantity);
    }

    @Test
    void anOpenInvoiceIsCreditedInFullWhichCancelsIt(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        String payer = payer(tenant, account, "COMPANY", "FR", "FR40303265045");
        String invoice = draftId(tenant, account, payer, line("Migration of srv-42", 1, "49.00"),
                line("Support hours", 3, "0.35"));

        ApiResponse ofDraft = credit(tenant, invoice, null);
        assertEquals(409, ofDraft.status(), ofDraft::toString);
        assertEquals("invoice.not_finalized", ofDraft.code());
        String number = finalized(tenant, invoice);

        ApiResponse partial = credit(tenant, invoice, "[" + take(lineId(tenant, invoice, 1), 1) + "]");
        assertEquals(409, partial.status(), partial::toString);
        assertEquals("credit_note.invoice_open", partial.code());
        assertEquals("NEW", tenant.api().get("invoices/" + invoice).string("status"), "a refused credit changes nothing");

        ApiResponse full = credit(tenant, invoice, null);
        assertEquals(201, full.status(), full::toString);
        JsonObject note = full.object();
        assertEquals("CN-" + YEAR + "-000001", note.getString("number"));
        assertEquals(number, note.getString("invoiceNumber"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), note.getString("invoiceDate"));
        assertEquals("INVOICE_CANCELLED", note.getString("settlement"));
        assertTrue(note.getBoolean("fullCredit"));
        assertTrue(note.isNull("transactionId"), "nothing was paid, so nothing moves");
        assertEquals("60.06", full.amount("gross"));
        assertEquals("10.01", full.amount("vat"));
        assertEquals("FR40303265045", note.getJsonObject("buyer").getString("vatId"));
        assertEquals("20", note.getJsonArray("lines").getJsonObject(0).getJsonObject("tax").getString("rate"));
        assertEquals("/api/v1/credit-notes/" + note.getString("id"), full.header("Location").replaceAll("^https?://[^/]+", ""));

        ApiResponse cancelled = tenant.api().get("invoices/" + invoice);
        assertEquals("CANCELLED", cancelled.string("status"));
        assertTrue(!cancelled.object().isNull("cancelledAt"), cancelled::toString);
        assertEquals("invoice.cancelled", credit(tenant, invoice, null).code());
        assertEquals("invoice.cancelled", tenant.api().post("invoices/" + invoice + "/pay",
                obj("from", "balance")).code());
        assertEquals(1, tenant.api().get("accounts/" + account + "/invoices?status=CANCELLED").items().size());
        assertEquals(1, tenant.api().get("invoices/" + invoice + "/credit-notes").items().size());
        assertEquals(note.getString("id"), tenant.api().get("accounts/" + account + "/credit-notes").items()
                .getJsonObject(0).getString("id"));
    }

    @Test
    void aPaidInvoiceIsCreditedInPartsBackToTheBalanceAndTheLastPartCancelsIt(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        tenant.fund(account, "100.00");
        String payer = payer(tenant, account, "PERSON", "FR", null);
        String invoice = draftId(tenant, account, payer, line("Migration of srv-42", 1, "49.00"),
                line("Support hours", 3, "0.35"));
        finalized(tenant, invoice);
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance")).status());
        assertEquals("39.94", tenant.balance(account));
        String first = lineId(tenant, invoice, 0);
        String hours = lineId(tenant, invoice, 1);

        ApiResponse unknown = credit(tenant, invoice, "[" + take("inl_nope", 1) + "," + take(hours, 4) + ","
                + take(hours, 1) + "]");
        assertEquals(422, unknown.status(), unknown::toString);
        JsonArray errors = unknown.object().getJsonArray("errors");
        assertEquals("lines[0].invoiceLineId", errors.getJsonObject(0).getString("field"));
        assertEquals("unknown", errors.getJsonObject(0).getString("code"));
        assertEquals("lines[1].quantity", errors.getJsonObject(1).getString("field"));
        assertEquals("too_large", errors.getJsonObject(1).getString("code"));
        assertEquals("39.94", tenant.balance(account), "a refused credit changes nothing");

        ApiResponse one = credit(tenant, invoice, "[" + take(hours, 1) + "]");
        assertEquals(201, one.status(), one::toString);
        assertEquals("0.42", one.amount("gross"));
        assertEquals("BALANCE_CREDITED", one.string("settlement"));
        assertEquals(false, one.object().getBoolean("fullCredit"));
        assertEquals("40.36", tenant.balance(account));
        assertEquals("PAID", tenant.api().get("invoices/" + invoice).string("status"));
        JsonObject statementLine = tenant.api().get("accounts/" + account + "/transactions").items().getJsonObject(0);
        assertEquals("CREDIT_NOTE", statementLine.getString("type"));
        assertEquals(one.string("number"), statementLine.getString("reference"));

        ApiResponse twoMore = credit(tenant, invoice, "[" + take(hours, 2) + "]");
        assertEquals(201, twoMore.status(), twoMore::toString);
        assertEquals("0.84", twoMore.amount("gross"), "the last units of a line take exactly what is left of it");
        ApiResponse again = credit(tenant, invoice, "[" + take(hours, 1) + "]");
        assertEquals(422, again.status(), "no unit of a line is credited twice: " + again);
        assertEquals("too_large", again.object().getJsonArray("errors").getJsonObject(0).getString("code"));

        ApiResponse rest = credit(tenant, invoice, null);
        assertEquals(201, rest.status(), rest::toString);
        assertEquals("58.80", rest.amount("gross"));
        assertTrue(rest.object().getBoolean("fullCredit"));
        assertEquals("CN-" + YEAR + "-000003", rest.string("number"));
        assertEquals("CANCELLED", tenant.api().get("invoices/" + invoice).string("status"));
        assertEquals("100.00", tenant.balance(account), "the credit notes gave back exactly what the invoice took");

        BigDecimal credited = BigDecimal.ZERO;
        for (JsonObject n : tenant.api().get("invoices/" + invoice + "/credit-notes").items()
                .getValuesAs(JsonObject.class)) {
            credited = credited.add(new BigDecimal(n.getJsonObject("gross").getString("amount")));
        }
        assertEquals(new BigDecimal("60.06"), credited);
        assertTrue(first.startsWith("inl_"), first);
    }

    @Test
    void everyPaidTopUpGetsANumberedReceipt(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        String payer = payer(tenant, account, "COMPANY", "BE", "BE0123456749");
        for (int i = 1; i <= 2; i++) {
            ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                    obj("amount", money("25.00", "EUR"), "method", "bank-transfer", "payerId", payer));
            assertEquals(201, topUp.status(), topUp::toString);
            assertEquals(0, tenant.api().get("accounts/" + account + "/receipts").items().size() - (i - 1),
                    "no receipt before the money arrives");
            ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(),
                    "reference", topUp.string("reference"), "amount", money("25.00", "EUR")));
            assertEquals(201, transfer.status(), transfer::toString);
        }
        JsonArray receipts = tenant.api().get("accounts/" + account + "/receipts").items();
        assertEquals(2, receipts.size());
        JsonObject newest = receipts.getJsonObject(0);
        assertEquals("RCT-" + YEAR + "-000002", newest.getString("number"));
        assertEquals("RCT-" + YEAR + "-000001", receipts.getJsonObject(1).getString("number"));
        assertEquals("25.00", newest.getJsonObject("paid").getString("amount"));
        assertEquals("25.00", newest.getJsonObject("credited").getString("amount"));
        assertEquals("bank-transfer", newest.getString("method"));
        assertEquals(payer, newest.getString("payerId"));
        assertEquals("BE0123456749", newest.getJsonObject("buyer").getString("vatId"));
        assertEquals("FR", newest.getJsonObject("seller").getString("country"));
        ApiResponse one = tenant.api().get("receipts/" + newest.getString("id"));
        assertEquals(200, one.status(), one::toString);
        assertEquals(newest, one.object());
    }

    @Test
    void anotherTenantSeesNoneOfThem(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        establish(tenant, "FR", "FR40303265045", false);
        establish(other, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        String payer = payer(tenant, account, "PERSON", "FR", null);
        String invoice = draftId(tenant, account, payer, line("Licence", 1, "10.00"));
        finalized(tenant, invoice);

        assertEquals(404, other.api().post("invoices/" + invoice + "/credit-notes", obj("reason", "mine")).status());
        assertEquals("NEW", tenant.api().get("invoices/" + invoice).string("status"), "another tenant cancelled nothing");
        String note = credit(tenant, invoice, null).string("id");
        assertEquals(404, other.api().get("credit-notes/" + note).status());
        assertEquals(404, other.api().get("invoices/" + invoice + "/credit-notes").status());
        assertEquals(404, other.api().get("accounts/" + account + "/credit-notes").status());

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("5.00", "EUR"), "method", "bank-transfer"));
        tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(), "reference",
                topUp.string("reference"), "amount", money("5.00", "EUR")));
        String receipt = tenant.api().get("accounts/" + account + "/receipts").items().getJsonObject(0).getString("id");
        assertEquals(200, tenant.api().get("receipts/" + receipt).status());
        assertEquals(404, other.api().get("receipts/" + receipt).status());
        assertEquals(404, other.api().get("accounts/" + account + "/receipts").status());
    }
}
