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
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Renewal by saved card, on a node of its own that bills every second and talks to the Stripe
 * fake: a renewal the balance does not cover is charged off-session to the payer's saved card
 * after the run, as a top-up bound to the invoice, which pays it; a declined card leaves the
 * invoice open and says why.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalByCardIT {
    private WebhookReceiver receiver;
    private OwnNode node;
    private Kassa kassa;
    private StripeFake stripe;

    @BeforeAll
    void aNodeThatBillsEverySecond(EmbeddedDatabase database, StripeFake stripe) {
        this.stripe = stripe;
        receiver = WebhookReceiver.start();
        node = OwnNode.start(database, "kassa_renewal_card", "KASSA_WEBHOOKS_ALLOW_INSECURE", "true",
                "KASSA_WEBHOOKS_INTERVAL", "1", "KASSA_BILLING_INTERVAL", "1",
                "KASSA_PLUGINS_STRIPE_API_BASE", stripe.baseUrl(), "KASSA_ALLOW_INSECURE_GATEWAYS", "true");
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

    /** A tenant with stripe-card, grace days to spare, and a payer with a confirmed saved card. */
    private record Customer(Kassa.Tenant tenant, String account, String payer, String card) { }

    private Customer customerWithACard() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse settings = tenant.api().put("settings/billing", obj("establishmentCountry", "FR"));
        assertEquals(200, settings.status(), settings::toString);
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer));
        assertEquals(201, saving.status(), saving::toString);
        String setupIntent = saving.string("gatewayReference");
        stripe.customerConfirmsSetup(setupIntent);
        assertEquals(200, stripe.setupEvent(setupIntent, Instant.now())
                .postTo(node.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe")).statusCode());
        ApiResponse confirmed = tenant.api().get("saved-methods/" + saving.string("id"));
        assertEquals("CONFIRMED", confirmed.string("status"), confirmed::toString);
        assertTrue(confirmed.object().getBoolean("default"));
        return new Customer(tenant, account, payer, saving.string("id"));
    }

    private static String dueAnHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aShortBalanceIsMadeUpByTheSavedCardOffSession() throws Exception {
        Customer c = customerWithACard();
        c.tenant().fund(c.account(), "5.00");
        String hooks = receiver.listen(c.tenant());

        String service = ServicesIT.create(c.tenant(), c.account(), c.payer(), "9.00", dueAnHourAgo()).string("id");

        Eventually.until(() -> c.tenant().api().get("accounts/" + c.account() + "/invoices?status=PAID").items()
                .size() == 1, "the renewal invoice is paid by card");
        JsonObject invoice = c.tenant().api().get("accounts/" + c.account() + "/invoices").items().getJsonObject(0);
        assertEquals("PAID", invoice.getString("status"));
        JsonObject buyer = invoice.getJsonObject("buyer");
        assertTrue(buyer.getJsonArray("locationEvidence").getValuesAs(JsonObject.class).stream().anyMatch(e ->
                "CARD_COUNTRY".equals(e.getString("kind")) && "US".equals(e.getString("country"))),
                "the saved card's issuer country, as Stripe reports it: " + buyer);
        assertEquals("CONTRADICTED", buyer.getString("locationEvidenceStatus"), "a US card for a French payer");
        assertEquals("5.00", c.tenant().balance(c.account()), "the card paid it all; the balance is untouched");
        JsonObject topUp = c.tenant().api().get("accounts/" + c.account() + "/top-ups").items().getJsonObject(0);
        assertEquals(invoice.getString("id"), topUp.getString("invoiceId"));
        assertEquals("PAID", topUp.getString("status"));
        assertEquals("10.80", topUp.getJsonObject("amount").getString("amount"));
        PaymentIntentView intent = stripe.paymentIntent(topUp.getJsonObject("payment").getString("gatewayReference"))
                .orElseThrow();
        assertTrue(intent.offSession(), "charged while the customer is away");
        assertEquals(1080, intent.amount());

        JsonObject renewed = c.tenant().api().get("services/" + service).object();
        assertEquals("ACTIVE", renewed.getString("status"));
        assertTrue(renewed.isNull("unpaidInvoiceId"), renewed::toString);
        Eventually.until(() -> !receiver.events(hooks, "service.renewed").isEmpty(), "the reseller hears it renewed");
        assertEquals("balance.insufficient",
                receiver.events(hooks, "service.renewal_failed").get(0).getString("reason"));
        assertEquals(1, receiver.events(hooks, "service.renewal_failed").size(), "no card failure");
        Thread.sleep(2000); // more rounds: the invoice is charged once
        assertEquals(1, c.tenant().api().get("accounts/" + c.account() + "/top-ups").items().size());
    }

    @Test
    void aDeclinedCardLeavesTheInvoiceOpenAndSaysWhy() throws Exception {
        Customer c = customerWithACard();
        String hooks = receiver.listen(c.tenant());
        stripe.nextPaymentDeclines("insufficient_funds");

        String service = ServicesIT.create(c.tenant(), c.account(), c.payer(), "9.00", dueAnHourAgo()).string("id");

        Eventually.until(() -> receiver.events(hooks, "service.renewal_failed").size() == 2,
                "the card failure is told");
        JsonObject declined = receiver.events(hooks, "service.renewal_failed").stream()
                .filter(e -> "card.declined".equals(e.getString("reason"))).findFirst().orElseThrow();
        String invoice = declined.getString("invoiceId");
        assertEquals(service, declined.getString("id"));
        assertEquals("NEW", c.tenant().api().get("invoices/" + invoice).string("status"), "left open");
        assertEquals(invoice, c.tenant().api().get("services/" + service).string("unpaidInvoiceId"));
        JsonObject topUp = c.tenant().api().get("accounts/" + c.account() + "/top-ups").items().getJsonObject(0);
        assertEquals("CANCELLED", topUp.getString("status"));
        assertEquals(invoice, topUp.getString("invoiceId"));
        assertEquals("0.00", c.tenant().balance(c.account()));
        Thread.sleep(2000); // more rounds: not charged again
        assertEquals(1, c.tenant().api().get("accounts/" + c.account() + "/top-ups").items().size());
        assertFalse(receiver.events(hooks, "service.renewed").stream()
                .anyMatch(e -> service.equals(e.getString("id"))));
    }

    @Test
    void aSuspendedServiceWithoutACardIsReactivatedByABankTransferQuotingItsInvoice() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse settings = tenant.api().put("settings/billing", obj("establishmentCountry", "FR", "graceDays", 0,
                "terminationDays", 30));
        assertEquals(200, settings.status(), settings::toString);
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String hooks = receiver.listen(tenant);

        String service = ServicesIT.create(tenant, account, payer, "9.00", dueAnHourAgo()).string("id");
        Eventually.until(() -> "SUSPENDED".equals(tenant.api().get("services/" + service).string("status")),
                "suspended: no grace, no card");
        String invoice = tenant.api().get("services/" + service).string("unpaidInvoiceId");
        String reference = tenant.api().get("invoices/" + invoice).string("paymentReference");
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size(), "no card: no charge");

        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + UUID.randomUUID(),
                "reference", "Renewal " + reference, "amount", dev.kassa.testkit.Json.money("10.80", "EUR")));
        assertEquals(201, transfer.status(), transfer::toString);

        assertEquals("PAID", tenant.api().get("invoices/" + invoice).string("status"));
        JsonObject again = tenant.api().get("services/" + service).object();
        assertEquals("ACTIVE", again.getString("status"), again::toString);
        assertTrue(again.isNull("unpaidInvoiceId"));
        assertEquals("0.00", tenant.balance(account));
        Eventually.until(() -> !receiver.events(hooks, "service.renewed").isEmpty(), "reactivated: renewed");
        assertEquals(List.of("balance.insufficient"), receiver.events(hooks, "service.renewal_failed").stream()
                .map(e -> e.getString("reason")).toList(), "no card: no second failure");
    }
}
