package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreaClient.Page;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying an invoice by any method, over HTTP: a top-up bound to the invoice (bank transfer, card
 * through the Stripe fake) pays it when the money arrives, and a bank transfer quoting the
 * invoice's payment reference pays it when it covers it. The balance ends where it started.
 */
@ExtendWith(KassaExtension.class)
class InvoicePaymentIT {

    /** An open invoice of 10.00 + 20 % French VAT = 12.00 for the payer. */
    private static String openInvoice(Kassa.Tenant tenant, String account, String payer) {
        String draft = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Migration of srv-42", 1, "10.00"));
        ApiResponse finalized = tenant.api().post("invoices/" + draft + "/finalize", null);
        assertEquals(200, finalized.status(), finalized::toString);
        assertEquals("12.00", finalized.amount("gross"));
        return draft;
    }

    private static Kassa.Tenant billingTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", null, false);
        return tenant;
    }

    private static ApiResponse transfer(Kassa.Tenant tenant, String reference, String amount) {
        ApiResponse r = tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + UUID.randomUUID(),
                "reference", reference, "amount", money(amount, "EUR")));
        assertEquals(201, r.status(), r::toString);
        return r;
    }

    private static String status(Kassa.Tenant tenant, String invoice) {
        return tenant.api().get("invoices/" + invoice).string("status");
    }

    @Test
    void aBankTransferTopUpBoundToAnInvoicePaysItWhenTheMoneyArrives(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", invoice));
        assertEquals(201, topUp.status(), topUp::toString);
        assertEquals("12.00", topUp.amount("amount"), "the invoice's amount, filled in");
        assertEquals(invoice, topUp.string("invoiceId"));
        assertEquals(payer, topUp.string("payerId"), "the invoice's payer");
        assertEquals(invoice, tenant.api().get("top-ups/" + topUp.string("id")).string("invoiceId"));
        assertEquals("NEW", status(tenant, invoice));

        transfer(tenant, "Payment " + topUp.string("reference"), "12.00");

        JsonObject paid = tenant.api().get("invoices/" + invoice).object();
        assertEquals("PAID", paid.getString("status"), paid::toString);
        assertFalse(paid.isNull("paymentTransactionId"));
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals("0.00", tenant.balance(account), "credited, then the invoice paid from it");

        ApiResponse again = tenant.api().post("accounts/" + account + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", invoice));
        assertEquals(409, again.status(), again::toString);
        assertEquals("invoice.already_paid", again.code());
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void anInvoicePaidMeanwhileLeavesTheTopUpsMoneyOnTheBalance(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("12.00", "EUR"), "method", "bank-transfer", "payerId", payer, "invoiceId", invoice));
        assertEquals(201, topUp.status(), topUp::toString);

        tenant.fund(account, "12.00");
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance")).status());
        assertEquals("0.00", tenant.balance(account));

        transfer(tenant, topUp.string("reference"), "12.00");
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals("12.00", tenant.balance(account), "paid once; the money stays on the balance");
    }

    @Test
    void aTopUpIsBoundOnlyToAnOpenInvoiceOfItsAccountAndPayerForItsAmount(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String otherPayer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);
        String otherAccount = tenant.newAccount("FR");
        String draft = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Draft", 1, "5.00"));

        ApiResponse wrongAmount = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("10.00", "EUR"), "method", "bank-transfer", "invoiceId", invoice));
        assertEquals(422, wrongAmount.status(), wrongAmount::toString);
        assertEquals("topup.invoice_amount_mismatch", wrongAmount.code());
        assertEquals("12.00", wrongAmount.object().getJsonObject("expected").getString("amount"));

        ApiResponse wrongPayer = tenant.api().post("accounts/" + account + "/top-ups",
                obj("method", "bank-transfer", "payerId", otherPayer, "invoiceId", invoice));
        assertEquals(422, wrongPayer.status(), wrongPayer::toString);
        assertEquals("topup.invoice_mismatch", wrongPayer.code());

        ApiResponse wrongAccount = tenant.api().post("accounts/" + otherAccount + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", invoice));
        assertEquals(422, wrongAccount.status(), wrongAccount::toString);
        assertEquals("topup.invoice_mismatch", wrongAccount.code());

        ApiResponse ofADraft = tenant.api().post("accounts/" + account + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", draft));
        assertEquals(409, ofADraft.status(), ofADraft::toString);
        assertEquals("invoice.not_finalized", ofADraft.code());

        // Tenants are walls: another tenant cannot bind this invoice, even to an account of its own.
        Kassa.Tenant other = billingTenant(kassa);
        String theirs = other.newAccount("FR");
        ApiResponse foreign = other.api().post("accounts/" + theirs + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", invoice));
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals("not_found", foreign.code());
        assertEquals(404, other.api().post("accounts/" + account + "/top-ups",
                obj("method", "bank-transfer", "invoiceId", invoice)).status());

        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size(), "nothing was made");
        assertEquals(0, tenant.api().get("accounts/" + otherAccount + "/top-ups").items().size());
        assertEquals("NEW", status(tenant, invoice));
    }

    @Test
    void aBankTransferQuotingTheInvoicesReferencePaysItAndKeepsWhatIsLeftOnTheBalance(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String exact = openInvoice(tenant, account, payer);
        String more = openInvoice(tenant, account, payer);
        String less = openInvoice(tenant, account, payer);
        String exactRef = tenant.api().get("invoices/" + exact).string("paymentReference");
        assertTrue(exactRef.matches("IV[0-9A-Z]{8}"), exactRef);
        assertTrue(InvoiceIT.draft(tenant, account, payer, InvoiceIT.line("Draft", 1, "1.00")).object()
                .isNull("paymentReference"), "a draft has none yet");

        ApiResponse first = transfer(tenant, "Invoice " + exactRef.substring(0, 6) + "-" + exactRef.substring(6)
                .toLowerCase(), "12.00");
        assertEquals(account, first.string("accountId"), first::toString);
        assertEquals("PAID", status(tenant, exact));
        assertEquals("0.00", tenant.balance(account));

        transfer(tenant, tenant.api().get("invoices/" + more).string("paymentReference"), "20.00");
        assertEquals("PAID", status(tenant, more));
        assertEquals("8.00", tenant.balance(account), "what is beyond the invoice stays on the balance");

        transfer(tenant, tenant.api().get("invoices/" + less).string("paymentReference"), "5.00");
        assertEquals("NEW", status(tenant, less), "less than the invoice leaves it open");
        assertEquals("13.00", tenant.balance(account), "and the money on the balance");

        // Quoting a paid invoice's reference again: the money still reaches its account's balance.
        transfer(tenant, exactRef, "1.00");
        assertEquals("14.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void aStatementQuotingTheInvoicesCreditorReferencePaysIt(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);
        ApiResponse view = tenant.api().get("invoices/" + invoice);
        String reference = view.string("paymentReference");
        String rf = view.string("creditorReference");
        assertEquals(rf, creditorReference(reference), "ISO 11649: RF, check digits, the payment reference");
        assertTrue(InvoiceIT.draft(tenant, account, payer, InvoiceIT.line("Draft", 1, "1.00")).object()
                .isNull("creditorReference"), "a draft has none yet");

        // Printed in groups of four, in the structured creditor-reference field of a camt.053.
        String iban = "FR76" + (System.nanoTime() % 100_000_000_000L + 10_000_000_000_000L) + "00000000";
        String statement = BankStatementIT.camt("053", "001.08", iban,
                BankStatementIT.entry("rf-" + UUID.randomUUID(), "12.00", "CRDT", false,
                        BankStatementIT.tx(null, null, null, rf.replaceAll("(.{4})(?=.)", "$1 "), "Ada Payer")));
        ApiResponse uploaded = BankStatementIT.upload(tenant, statement, "application/xml");
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals(1, uploaded.object().getInt("matched"), uploaded::toString);
        assertEquals("PAID", status(tenant, invoice));
        assertEquals("0.00", tenant.balance(account));
    }

    /** ISO 11649 computed here, not with Kassa's code: RF + 98 − (reference + "RF00", letters as 10–35) mod 97. */
    private static String creditorReference(String reference) {
        StringBuilder digits = new StringBuilder();
        for (char c : (reference + "RF00").toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        int check = 98 - new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return "RF" + (check < 10 ? "0" : "") + check + reference;
    }

    @Test
    void anotherTenantsInvoiceReferenceMatchesNothing(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);
        String reference = tenant.api().get("invoices/" + invoice).string("paymentReference");

        Kassa.Tenant other = billingTenant(kassa);
        ApiResponse theirs = transfer(other, reference, "12.00");
        assertEquals("UNMATCHED", theirs.string("status"), theirs::toString);
        assertEquals("NEW", status(tenant, invoice));
        assertEquals("0.00", tenant.balance(account));
    }

    // ---- by card, through the Stripe fake

    private static Kassa.Tenant stripeTenant(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        return tenant;
    }

    private static URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe");
    }

    @Test
    void aCardPaymentForAnInvoicePaysItAndTheCardSavedBecomesTheDefault(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        // A card saved before, the default until the customer pays the invoice with another one.
        ApiResponse earlier = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer));
        stripe.customerConfirmsSetup(earlier.string("gatewayReference"));
        assertEquals(200, stripe.setupEvent(earlier.string("gatewayReference"), Instant.now())
                .postTo(webhookUrl(kassa, tenant)).statusCode());
        assertTrue(tenant.api().get("saved-methods/" + earlier.string("id")).object().getBoolean("default"));
        String invoice = openInvoice(tenant, account, payer);

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("method", "stripe-card", "invoiceId", invoice, "saveMethod", true));
        assertEquals(201, topUp.status(), topUp::toString);
        String intent = topUp.object().getJsonObject("payment").getString("gatewayReference");
        assertEquals(1200, stripe.paymentIntent(intent).orElseThrow().amount());
        stripe.customerConfirms(intent);
        assertEquals(200, stripe.paymentEvent(intent, Instant.now()).postTo(webhookUrl(kassa, tenant)).statusCode());

        assertEquals("PAID", status(tenant, invoice));
        assertEquals("0.00", tenant.balance(account));
        List<JsonObject> saved = tenant.api().get("accounts/" + account + "/saved-methods").items()
                .getValuesAs(JsonObject.class);
        assertEquals(2, saved.size(), saved::toString);
        JsonObject card = saved.stream().filter(s -> !s.getString("id").equals(earlier.string("id"))).findFirst()
                .orElseThrow();
        assertTrue(card.getBoolean("default"), "kept for auto-payment: the default for renewals");
        assertFalse(tenant.api().get("saved-methods/" + earlier.string("id")).object().getBoolean("default"));
    }

    // ---- in the client area

    @Test
    void theClientAreaPaysAnInvoiceForItsAmountWithTheMethodChosen(Kassa kassa) {
        Kassa.Tenant tenant = billingTenant(kassa);
        ApiResponse bank = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("beneficiary", "Demo Hosting SAS", "iban",
                        "DE89370400440532013000", "bic", "COBADEFFXXX")));
        assertEquals(200, bank.status(), bank::toString);
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "FR");
        ClientAreas.signIn(tenant, account, browser);
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String invoice = openInvoice(tenant, account, payer);
        String number = tenant.api().get("invoices/" + invoice).string("number");

        Page page = browser.get("/top-up?invoice=" + invoice);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Pay invoice " + number), page.body());
        assertTrue(page.body().contains("Amount to pay: €12.00"), page.body());
        assertFalse(page.body().contains("data-test=\"amount\""), "the amount is the invoice's");
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(key.find());

        Page sent = browser.post("/top-up", Map.of("key", key.group(1), "invoice", invoice, "method", "bank-transfer",
                "amount", "1.00"));
        assertEquals(303, sent.status(), sent::toString);
        assertTrue(sent.location().startsWith("/top-up/instructions?topUp="), sent.location());
        JsonObject topUp = tenant.api().get("accounts/" + account + "/top-ups").items().getJsonObject(0);
        assertEquals(invoice, topUp.getString("invoiceId"));
        assertEquals("12.00", topUp.getJsonObject("amount").getString("amount"), "whatever was sent as amount");
        assertEquals(payer, topUp.getString("payerId"));

        transfer(tenant, topUp.getString("reference"), "12.00");
        assertEquals("PAID", status(tenant, invoice));
        Page paid = browser.get("/top-up?invoice=" + invoice);
        assertEquals(200, paid.status(), paid::toString);
        assertTrue(paid.body().contains("This invoice cannot be paid here"), paid.body());

        // Another tenant's customer does not find it.
        Kassa.Tenant other = billingTenant(kassa);
        ClientAreaClient theirs = ClientAreas.open(kassa, other);
        ClientAreas.signIn(other, ClientAreas.newCustomer(other, "Eve", "FR"), theirs);
        assertEquals(404, theirs.get("/top-up?invoice=" + invoice).status());
    }
}
