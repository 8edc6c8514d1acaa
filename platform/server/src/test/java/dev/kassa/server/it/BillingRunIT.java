package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.OwnNode;
import dev.kassa.testkit.WebhookReceiver;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing run, on a node of its own that runs it every second ({@code KASSA_BILLING_INTERVAL=1})
 * and sends webhooks every second to a receiver in this test: services due in the past are renewed
 * once, paid from the balance when it covers them; a short balance leaves the invoice open and,
 * with no grace days, suspends the service until the invoice is paid; a service cancelled at period end
 * is terminated when the period ends. The reseller hears of each step.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingRunIT {
    private WebhookReceiver receiver;
    private OwnNode node;
    private Kassa kassa;

    @BeforeAll
    void aNodeThatBillsEverySecond(EmbeddedDatabase database) {
        receiver = WebhookReceiver.start();
        node = OwnNode.start(database, "kassa_billing_run", "KASSA_WEBHOOKS_ALLOW_INSECURE", "true",
                "KASSA_WEBHOOKS_INTERVAL", "1", "KASSA_BILLING_INTERVAL", "1");
        kassa = node.kassa();
    }

    @AfterAll
    void stop() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private JsonObject event(String path, String type) {
        return receiver.events(path, type).stream().findFirst().orElseThrow();
    }

    private static String dueAnHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aDueServiceIsRenewedOnceFromTheBalance() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        tenant.fund(account, "50.00");
        String hooks = receiver.listen(tenant);
        String due = dueAnHourAgo();

        ApiResponse created = ServicesIT.create(tenant, account, payer, "9.00", due);
        assertEquals(201, created.status(), created::toString);
        String id = created.string("id");

        Eventually.until(() -> tenant.api().get("accounts/" + account + "/invoices?status=PAID").items().size() == 1,
                "the renewal invoice is paid");
        Thread.sleep(2500); // more rounds: nothing is billed again
        JsonArray invoices = tenant.api().get("accounts/" + account + "/invoices").items();
        assertEquals(1, invoices.size(), invoices::toString);
        JsonObject invoice = invoices.getJsonObject(0);
        assertEquals("PAID", invoice.getString("status"));
        assertEquals("10.80", invoice.getJsonObject("gross").getString("amount"), "9.00 + 20 % VAT");
        JsonObject line = invoice.getJsonArray("lines").getJsonObject(0);
        assertEquals(id, line.getString("serviceId"));
        String from = due.substring(0, 10);
        assertTrue(line.getString("description").contains(from), line::toString);
        assertEquals(from, invoice.getString("supplyDate"));
        assertEquals("39.20", tenant.balance(account), "debited once");

        JsonObject service = tenant.api().get("services/" + id).object();
        assertEquals("ACTIVE", service.getString("status"));
        assertEquals(OffsetDateTime.parse(due).withOffsetSameInstant(ZoneOffset.UTC).plusMonths(1).toInstant(),
                Instant.parse(service.getString("nextRenewalAt")));
        assertTrue(service.isNull("unpaidInvoiceId"), service::toString);
        assertFalse(service.isNull("lastRenewedAt"));

        Eventually.until(() -> receiver.types(hooks).containsAll(List.of("invoice.finalized", "invoice.paid",
                "service.renewed")), "the reseller hears of it");
        assertFalse(receiver.types(hooks).contains("service.renewal_failed"), receiver.types(hooks)::toString);
        assertEquals(1, receiver.types(hooks).stream().filter("service.renewed"::equals).count());
        JsonObject renewed = event(hooks, "service.renewed");
        assertEquals(id, renewed.getString("id"));
        assertEquals(invoice.getString("id"), renewed.getString("invoiceId"));
        assertEquals("srv-42", renewed.getString("externalId"));
        assertEquals(service.getString("nextRenewalAt"), renewed.getString("nextRenewalAt"));
        JsonObject paid = event(hooks, "invoice.paid");
        assertEquals(invoice.getString("number"), paid.getString("number"));
        assertEquals("balance", paid.getString("paidFrom"));
        assertEquals("10.80", paid.getJsonObject("amount").getString("amount"));
        // Its PDF was queued in the batch's transaction and rendered after it.
        assertEquals("application/pdf", DocumentsIT.stored(tenant, invoice.getString("id")).header("Content-Type"));
    }

    @Test
    void aShortBalanceLeavesTheInvoiceOpenSuspendsAtOnceAndPayingReactivates() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse settings = tenant.api().put("settings/billing", obj("establishmentCountry", "FR", "graceDays", 0,
                "terminationDays", 30));
        assertEquals(200, settings.status(), settings::toString);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        tenant.fund(account, "5.00");
        String hooks = receiver.listen(tenant);

        String id = ServicesIT.create(tenant, account, payer, "9.00", dueAnHourAgo()).string("id");

        Eventually.until(() -> "SUSPENDED".equals(tenant.api().get("services/" + id).string("status")),
                "suspended: no grace");
        JsonObject service = tenant.api().get("services/" + id).object();
        JsonArray open = tenant.api().get("accounts/" + account + "/invoices?status=NEW").items();
        assertEquals(1, open.size(), open::toString);
        String invoice = open.getJsonObject(0).getString("id");
        assertEquals(invoice, service.getString("unpaidInvoiceId"));
        assertFalse(service.isNull("suspendedAt") || service.isNull("terminateAt"), service::toString);
        assertTrue(Instant.parse(service.getString("nextRenewalAt")).isAfter(Instant.now()), "the period moved on");
        assertEquals("5.00", tenant.balance(account), "nothing taken");
        Eventually.until(() -> receiver.types(hooks).containsAll(List.of("invoice.finalized", "service.renewal_failed",
                "service.suspended")), "the reseller hears of it");
        JsonObject failed = event(hooks, "service.renewal_failed");
        assertEquals("balance.insufficient", failed.getString("reason"));
        assertEquals(invoice, failed.getString("invoiceId"));
        assertEquals("SUSPENDED", event(hooks, "service.suspended").getString("status"));

        tenant.fund(account, "10.00");
        ApiResponse paid = tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance"));
        assertEquals(200, paid.status(), paid::toString);
        JsonObject again = tenant.api().get("services/" + id).object();
        assertEquals("ACTIVE", again.getString("status"));
        assertTrue(again.isNull("unpaidInvoiceId") && again.isNull("suspendedAt") && again.isNull("terminateAt"),
                again::toString);
        assertEquals("4.20", tenant.balance(account), "15.00 - 10.80");
        Eventually.until(() -> receiver.types(hooks).contains("service.renewed"), "reactivated: renewed");
        assertEquals("ACTIVE", event(hooks, "service.renewed").getString("status"));
        Thread.sleep(1500);
        assertEquals("ACTIVE", tenant.api().get("services/" + id).string("status"), "not suspended again");
    }

    @Test
    void aFullCreditNoteOnAnUnpaidRenewalForgivesThePeriod() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse settings = tenant.api().put("settings/billing", obj("establishmentCountry", "FR", "graceDays", 0,
                "terminationDays", 30));
        assertEquals(200, settings.status(), settings::toString);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String id = ServicesIT.create(tenant, account, payer, "9.00", dueAnHourAgo()).string("id");
        Eventually.until(() -> "SUSPENDED".equals(tenant.api().get("services/" + id).string("status")),
                "suspended: no grace");
        String invoice = tenant.api().get("services/" + id).string("unpaidInvoiceId");

        ApiResponse note = tenant.api().post("invoices/" + invoice + "/credit-notes", obj("reason", "Goodwill"));
        assertEquals(201, note.status(), note::toString);
        assertEquals("INVOICE_CANCELLED", note.string("settlement"));
        JsonObject again = tenant.api().get("services/" + id).object();
        assertEquals("ACTIVE", again.getString("status"), again::toString);
        assertTrue(again.isNull("unpaidInvoiceId") && again.isNull("terminateAt"), again::toString);
        assertEquals("0.00", tenant.balance(account), "nothing was paid, nothing moves");
        Thread.sleep(1500);
        assertEquals("ACTIVE", tenant.api().get("services/" + id).string("status"), "not suspended again");
    }

    @Test
    void aServiceCancelledAtPeriodEndIsTerminatedWhenThePeriodEnds() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", null, false);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        tenant.fund(account, "50.00");
        String hooks = receiver.listen(tenant);
        String end = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = ServicesIT.create(tenant, account, payer, "9.00", end).string("id");

        ApiResponse cancelled = tenant.api().post("services/" + id + "/cancel", obj("at", "period_end"));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals(end, cancelled.string("cancelAt"));

        Eventually.until(() -> "TERMINATED".equals(tenant.api().get("services/" + id).string("status")),
                "terminated when the paid period ends");
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices").items().size(), "not renewed");
        assertEquals("50.00", tenant.balance(account));
        Eventually.until(() -> receiver.types(hooks).contains("service.terminated"), "the reseller hears of it");
        JsonObject terminated = event(hooks, "service.terminated");
        assertEquals("TERMINATED", terminated.getString("status"));
        assertTrue(terminated.isNull("invoiceId"), terminated::toString);
        assertFalse(terminated.isNull("terminatedAt"));
    }

    /**
     * A consumer's renewal invoice keeps, as evidence of where the customer is, the country of the
     * bank account their transfer came from (a French IBAN for a German payer), read by the billing
     * run for its whole batch at once, as finalising by hand reads it for one invoice.
     */
    @Test
    void aRenewalKeepsTheCountryOfTheBankAccountThatPaidTheBalance() throws Exception {
        Kassa.Tenant tenant = RefundCreditTransferIT.bankTenant(kassa);
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("DE");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
        RefundCreditTransferIT.paidTopUp(tenant, account, "50.00", true);
        String id = ServicesIT.create(tenant, account, payer, "9.00", dueAnHourAgo()).string("id");

        Eventually.until(() -> renewalInvoice(tenant, account, id) != null, "the service is renewed");
        JsonObject invoice = renewalInvoice(tenant, account, id);
        assertEquals("PAID", invoice.getString("status"), invoice::toString);
        List<JsonObject> evidence = invoice.getJsonObject("buyer").getJsonArray("locationEvidence")
                .getValuesAs(JsonObject.class);
        assertTrue(evidence.stream().anyMatch(e -> "BANK_COUNTRY".equals(e.getString("kind"))
                && "FR".equals(e.getString("country"))), evidence::toString);
        assertTrue(evidence.stream().anyMatch(e -> "PAYER_COUNTRY".equals(e.getString("kind"))
                && "DE".equals(e.getString("country"))), evidence::toString);
    }

    /**
     * Services due at the same instant are renewed in one batch, whose charges are posted together:
     * an account with three renewals pays the two its balance covers, each charge keeping the
     * balance after it, and leaves the third open; another account's renewal in the same batch is
     * charged on its own balance; the journal stays balanced.
     */
    @Test
    void aBatchChargesEachAccountForEveryRenewalItsBalanceCoversInTurn() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        String three = tenant.newAccount("FR");
        String threePayer = InvoiceIT.payer(tenant, three, "PERSON", "FR", null);
        tenant.fund(three, "25.00");
        String one = tenant.newAccount("FR");
        String onePayer = InvoiceIT.payer(tenant, one, "PERSON", "FR", null);
        tenant.fund(one, "50.00");
        String due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, ServicesIT.create(tenant, three, threePayer, "9.00", due).status());
        }
        assertEquals(201, ServicesIT.create(tenant, one, onePayer, "9.00", due).status());

        Eventually.until(() -> tenant.api().get("accounts/" + three + "/invoices").items().size() == 3
                && tenant.api().get("accounts/" + one + "/invoices?status=PAID").items().size() == 1,
                "all four renewed");
        List<JsonObject> paid = tenant.api().get("accounts/" + three + "/invoices?status=PAID").items()
                .getValuesAs(JsonObject.class);
        assertEquals(2, paid.size(), paid::toString);
        assertEquals(1, tenant.api().get("accounts/" + three + "/invoices?status=NEW").items().size());
        assertEquals("3.40", tenant.balance(three), "25.00 - 2 x 10.80");
        assertEquals("39.20", tenant.balance(one), "50.00 - 10.80");

        List<JsonObject> charges = tenant.api().get("accounts/" + three + "/transactions").items()
                .getValuesAs(JsonObject.class).stream().filter(t -> "CHARGE".equals(t.getString("type"))).toList();
        assertEquals(2, charges.size(), charges::toString);
        // Newest first: the second charge left 3.40, the first 14.20.
        assertEquals(List.of("3.40", "14.20"), charges.stream()
                .map(t -> t.getJsonObject("balanceAfter").getString("amount")).toList());
        for (JsonObject charge : charges) {
            assertEquals("-10.80", charge.getJsonObject("amount").getString("amount"),
                    "a debit, from the customer's side");
            String number = charge.getString("reference");
            assertEquals("Invoice " + number, charge.getString("description"));
            assertTrue(paid.stream().anyMatch(i -> number.equals(i.getString("number"))), number);
        }
        assertTrue(tenant.api().get("ledger/verify").object().getBoolean("balanced"));
    }

    /** The account's invoice billing the service, or null while there is none. */
    private static JsonObject renewalInvoice(Kassa.Tenant tenant, String account, String service) {
        return tenant.api().get("accounts/" + account + "/invoices").items().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                        .anyMatch(l -> service.equals(l.getString("serviceId", null))))
                .findFirst().orElse(null);
    }
}
