package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds by bank transfer as pain.001 files: the payer's account comes from the bank statement
 * that credited the top-up (or the refund request names one), the file validates against ISO's
 * schema, and the refunds stay PENDING until the tenant reports them (or their batch) sent.
 */
@ExtendWith(KassaExtension.class)
class RefundCreditTransferIT {
    private static final String TENANT_IBAN = "DE89370400440532013000";
    private static final String PAYER_IBAN = "FR7630006000011234567890189";

    private static void validate(byte[] xml, String version) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.newSchema(RefundCreditTransferIT.class.getResource("/iso20022/pain.001.001." + version + ".xsd"))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** A top-up of {@code amount} EUR paid by bank transfer: through a camt.053 naming the payer's account, or by hand. */
    static String paidTopUp(Kassa.Tenant tenant, String account, String amount, boolean statement) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "bank-transfer"));
        assertEquals(201, topUp.status(), topUp::toString);
        String reference = topUp.string("reference");
        if (statement) {
            String tx = "<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
                    + "<RltdPties><Dbtr><Pty><Nm>Anna Müller</Nm></Pty></Dbtr>"
                    + "<DbtrAcct><Id><IBAN>FR76 3000 6000 0112 3456 7890 189</IBAN></Id></DbtrAcct></RltdPties>"
                    + "<RltdAgts><DbtrAgt><FinInstnId><BICFI>AGRIFRPP</BICFI></FinInstnId></DbtrAgt></RltdAgts>"
                    + "<RmtInf><Ustrd>" + reference + "</Ustrd></RmtInf></TxDtls>";
            ApiResponse uploaded = BankStatementIT.upload(tenant, BankStatementIT.camt("053", "001.08", TENANT_IBAN,
                    BankStatementIT.entry("B-" + System.nanoTime(), amount, "CRDT", false, tx)), "application/xml");
            assertEquals(201, uploaded.status(), uploaded::toString);
            assertEquals(1, uploaded.object().getInt("matched"), uploaded::toString);
        } else {
            tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(), "reference",
                    reference, "amount", money(amount, "EUR")));
        }
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        return topUp.string("id");
    }

    static Kassa.Tenant bankTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse bank = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("beneficiary", "Hébergement Démo SAS", "iban", TENANT_IBAN,
                        "bic", "COBADEFFXXX")));
        assertEquals(200, bank.status(), bank::toString);
        return tenant;
    }

    @Test
    void aRefundGoesBackToTheAccountTheStatementShowedAsAPain001(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = bankTenant(kassa);
        String account = tenant.newAccount();
        String topUp = paidTopUp(tenant, account, "100.00", true);

        ApiResponse refund = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("30.00", "EUR")));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("PENDING", refund.string("status"));
        JsonObject bankAccount = refund.object().getJsonObject("bankAccount");
        assertEquals(PAYER_IBAN, bankAccount.getString("iban"));
        assertEquals("AGRIFRPP", bankAccount.getString("bic"));
        assertEquals("Anna Müller", bankAccount.getString("name"));
        assertEquals("STATEMENT", bankAccount.getString("source"));
        String id = refund.string("id");
        assertEquals("/api/v1/refunds/" + id + "/pain.001",
                refund.object().getJsonObject("creditTransfer").getString("file"));

        ApiClient.Download file = tenant.api().download("refunds/" + id + "/pain.001", Map.of());
        assertEquals(200, file.status(), file::text);
        assertTrue(file.header("Content-Type").startsWith("application/xml"), file.header("Content-Type"));
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"ref-"),
                file.header("Content-Disposition"));
        validate(file.body(), "09");
        String xml = file.text();
        assertTrue(xml.contains("<EndToEndId>" + id.replace('_', '-') + "</EndToEndId>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">30.00</InstdAmt>"), xml);
        assertTrue(xml.contains("<IBAN>" + PAYER_IBAN + "</IBAN>") && xml.contains("<IBAN>" + TENANT_IBAN + "</IBAN>"));
        assertTrue(xml.contains("<Nm>Hebergement Demo SAS</Nm>") && xml.contains("<Nm>Anna Muller</Nm>"), xml);
        String topUpReference = tenant.api().get("top-ups/" + topUp).string("reference");
        assertTrue(xml.contains(topUpReference), "the remittance names the top-up: " + xml);

        ApiClient.Download old = tenant.api().download("refunds/" + id + "/pain.001?version=03", Map.of());
        assertEquals(200, old.status(), old::text);
        validate(old.body(), "03");
        assertEquals("PENDING", tenant.api().get("refunds/" + id).string("status"), "a file sends nothing");
        assertEquals("70.00", tenant.balance(account));

        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().download("refunds/" + id + "/pain.001", Map.of()).status());

        // The account the money came from is also evidence of where the customer is: a French IBAN.
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String draft = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("VPS", 1, "10.00"));
        JsonObject buyer = tenant.api().post("invoices/" + draft + "/finalize", null).object().getJsonObject("buyer");
        assertTrue(buyer.getJsonArray("locationEvidence").getValuesAs(JsonObject.class).stream().anyMatch(e ->
                "BANK_COUNTRY".equals(e.getString("kind")) && "FR".equals(e.getString("country"))), buyer::toString);

        assertEquals(200, tenant.api().post("refunds/" + id + "/sent", "{}").status());
        ApiClient.Download sent = tenant.api().download("refunds/" + id + "/pain.001", Map.of());
        assertEquals(409, sent.status());
        assertTrue(sent.text().contains("refund.not_pending"), sent::text);
    }

    @Test
    void withoutAKnownAccountTheRefundIsSentByHandAndSaysWhyUnlessTheRequestNamesOne(Kassa kassa) {
        Kassa.Tenant tenant = bankTenant(kassa);
        String account = tenant.newAccount();
        String topUp = paidTopUp(tenant, account, "50.00", false);

        ApiResponse unknown = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("5.00", "EUR")));
        assertEquals(201, unknown.status(), unknown::toString);
        assertTrue(unknown.object().isNull("bankAccount"));
        JsonObject why = unknown.object().getJsonObject("creditTransfer");
        assertTrue(why.isNull("file"));
        assertEquals("refund.payee_account_unknown", why.getString("code"));
        ApiClient.Download none = tenant.api().download("refunds/" + unknown.string("id") + "/pain.001", Map.of());
        assertEquals(409, none.status());
        assertTrue(none.text().contains("refund.payee_account_unknown"), none::text);
        assertEquals("SUCCEEDED", tenant.api().post("refunds/" + unknown.string("id") + "/sent", "{}")
                .string("status"), "sent by hand, as before");

        ApiResponse named = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("7.50", "EUR"),
                "bankAccount", raw(obj("iban", "de89 3704 0044 0532 0130 00", "name", "Bob Payer"))));
        assertEquals(201, named.status(), named::toString);
        assertEquals("DE89370400440532013000", named.object().getJsonObject("bankAccount").getString("iban"));
        assertEquals("REQUEST", named.object().getJsonObject("bankAccount").getString("source"));
        assertTrue(named.object().getJsonObject("bankAccount").isNull("bic"));
        assertEquals(200, tenant.api().download("refunds/" + named.string("id") + "/pain.001", Map.of()).status());

        ApiResponse badIban = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("1.00", "EUR"),
                "bankAccount", raw(obj("iban", "DE89370400440532013001", "name", "Bob"))));
        assertEquals(422, badIban.status(), badIban::toString);
        assertEquals("request.invalid", badIban.code());
        assertEquals("37.50", tenant.balance(account), "a refused refund debits nothing");
    }

    @Test
    void aBatchGathersTheWaitingRefundsIntoOneFileAndIsReportedSentAtOnce(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = bankTenant(kassa);
        String account = tenant.newAccount();
        String topUp = paidTopUp(tenant, account, "100.00", true);
        String first = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("10.00", "EUR")))
                .string("id");
        String second = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("15.50", "EUR"),
                "bankAccount", raw(obj("iban", "DE89370400440532013000", "bic", "COBADEFF", "name", "Zweit Konto"))))
                .string("id");

        ApiResponse batch = tenant.api().send("POST", "refund-batches", null, Map.of("Idempotency-Key", "batch-1"));
        assertEquals(201, batch.status(), batch::toString);
        String batchId = batch.string("id");
        assertEquals(2, batch.object().getInt("count"));
        assertEquals("25.50", batch.amount("total"));
        assertEquals(batchId.replace('_', '-'), batch.string("messageId"));
        ApiResponse replay = tenant.api().send("POST", "refund-batches", null, Map.of("Idempotency-Key", "batch-1"));
        assertEquals(batchId, replay.string("id"), "the same Idempotency-Key batches once");
        assertEquals("refund_batch.empty", tenant.api().post("refund-batches", "{}").code(), "nothing left waiting");

        ApiResponse inBatch = tenant.api().get("refunds/" + first);
        assertEquals("refund.in_batch", inBatch.object().getJsonObject("creditTransfer").getString("code"));
        assertEquals(batchId, inBatch.object().getJsonObject("creditTransfer").getString("batchId"));
        assertEquals(409, tenant.api().download("refunds/" + first + "/pain.001", Map.of()).status(),
                "no file of its own: it would be sent twice");

        ApiClient.Download file = tenant.api().download("refund-batches/" + batchId + "/pain.001", Map.of());
        assertEquals(200, file.status(), file::text);
        validate(file.body(), "09");
        assertTrue(file.text().contains("<NbOfTxs>2</NbOfTxs>") && file.text().contains("<CtrlSum>25.50</CtrlSum>"),
                file::text);
        assertEquals(2, tenant.api().get("refund-batches/" + batchId).object().getJsonArray("refunds").size());

        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().get("refund-batches/" + batchId).status());
        assertEquals(404, other.api().download("refund-batches/" + batchId + "/pain.001", Map.of()).status());
        assertEquals(404, other.api().post("refund-batches/" + batchId + "/sent", "{}").status());
        assertEquals(404, other.api().post("refund-batches", obj("refundIds", List.of(first))).status(),
                "another tenant's refund cannot be batched");
        assertEquals("PENDING", tenant.api().get("refunds/" + first).string("status"));

        assertEquals("FAILED", tenant.api().post("refunds/" + second + "/failed", obj("reason", "closed"))
                .string("status"));
        ApiClient.Download rest = tenant.api().download("refund-batches/" + batchId + "/pain.001", Map.of());
        assertTrue(rest.text().contains("<NbOfTxs>1</NbOfTxs>"), "a failed refund is not sent: " + rest.text());

        ApiResponse sent = tenant.api().post("refund-batches/" + batchId + "/sent", "{}");
        assertEquals(200, sent.status(), sent::toString);
        assertTrue(!sent.object().isNull("sentAt"));
        assertEquals("SUCCEEDED", tenant.api().get("refunds/" + first).string("status"));
        assertEquals("FAILED", tenant.api().get("refunds/" + second).string("status"));
        assertEquals("refund_batch.already_sent", tenant.api().post("refund-batches/" + batchId + "/sent", "{}").code());
        assertEquals("refund_batch.refund_not_eligible", tenant.api().post("refund-batches",
                obj("refundIds", List.of(first))).code());
        assertEquals("90.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void aTenantWithoutItsOwnIbanGetsNoFile(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("*"),
                "credentials", Map.of("beneficiary", "No Iban Ltd")));
        String account = tenant.newAccount();
        String topUp = paidTopUp(tenant, account, "20.00", true);
        String refund = tenant.api().post("top-ups/" + topUp + "/refunds", obj("amount", money("20.00", "EUR")))
                .string("id");
        ApiClient.Download file = tenant.api().download("refunds/" + refund + "/pain.001", Map.of());
        assertEquals(409, file.status());
        assertTrue(file.text().contains("refund.tenant_account_unknown"), file::text);
        assertEquals("refund.tenant_account_unknown", tenant.api().post("refund-batches", "{}").code());
        assertNull(tenant.api().get("refunds/" + refund).object().getJsonObject("creditTransfer").getString("batchId",
                null), "a refused batch changes nothing");
    }
}
