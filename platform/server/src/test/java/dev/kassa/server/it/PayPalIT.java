package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.paypal.PayPalFake;
import dev.kassa.testkit.stripe.HostedPageClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PayPal top-ups against the PayPal fake ({@code KASSA_PLUGINS_PAYPAL_API_BASE}): the payer
 * approves on the fake's page, and Kassa captures the order, through the janitor's status query
 * or the {@code CHECKOUT.ORDER.APPROVED} webhook; a pending capture keeps the top-up open until
 * {@code PAYMENT.CAPTURE.COMPLETED}; refunds; and the walls between tenants.
 */
@ExtendWith(KassaExtension.class)
class PayPalIT {
    private static final String RETURN_URL = "http://demo.localhost:8080/history?returned=1";
    private static final String CANCEL_URL = "http://demo.localhost:8080/top-up";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each tenant is its own PayPal app (merchant) at the fake. */
    private static String clientId(Kassa.Tenant tenant) {
        return "A-" + tenant.slug() + "-kassa-test-app";
    }

    private static Kassa.Tenant paypalTenant(Kassa kassa, PayPalFake paypal) {
        Kassa.Tenant tenant = kassa.newTenant();
        Map<String, String> credentials = new java.util.HashMap<>(paypal.credentials(clientId(tenant)));
        credentials.remove("merchantId");
        ApiResponse put = tenant.api().put("payment-methods/paypal", obj("enabled", true, "countries", List.of("*"),
                "credentials", credentials));
        assertEquals(200, put.status(), put::toString);
        return tenant;
    }

    private static URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/paypal");
    }

    private static ApiResponse paypalTopUp(Kassa.Tenant tenant, String account, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money(amount, "EUR"),
                "method", "paypal", "returnUrl", RETURN_URL, "cancelUrl", CANCEL_URL));
        assertEquals(201, topUp.status(), topUp::toString);
        return topUp;
    }

    private static JsonObject payment(ApiResponse topUp) {
        return topUp.object().getJsonObject("payment");
    }

    private static String approvalPage(ApiResponse topUp) {
        JsonObject next = payment(topUp).getJsonObject("nextAction");
        assertEquals("redirect", next.getString("type"), next::toString);
        return next.getString("redirectUrl");
    }

    private static String status(Kassa.Tenant tenant, ApiResponse topUp) {
        return tenant.api().get("top-ups/" + topUp.string("id")).string("status");
    }

    private static HttpResponse<String> post(URI url, WebhookRequest delivery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> request.header(name, values.get(0)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void credentialsAreStoredEncryptedAndTheSecretIsNeverShown(Kassa kassa, PayPalFake paypal, EmbeddedDatabase db)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String shown = tenant.api().get("payment-methods/paypal").body();
        assertFalse(shown.contains(PayPalFake.CLIENT_SECRET), shown);
        assertTrue(shown.contains(clientId(tenant)) && shown.contains(PayPalFake.WEBHOOK_ID), shown);
        try (Connection connection = DriverManager.getConnection(db.url(KassaExtension.DATABASE), db.user(),
                db.password());
             PreparedStatement query = connection.prepareStatement("SELECT CAST(c.credentials AS VARCHAR) "
                     + "FROM payment_method_configs c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = ?")) {
            query.setString(1, tenant.slug());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the tenant's PayPal configuration is stored");
                String stored = rows.getString(1);
                assertFalse(stored.contains(PayPalFake.CLIENT_SECRET) || stored.contains(clientId(tenant)),
                        "credentials are stored encrypted: " + stored);
            }
        }
        ApiResponse bad = tenant.api().put("payment-methods/paypal", obj("enabled", true, "countries", List.of("*"),
                "credentials", Map.of("environment", "production")));
        assertEquals(422, bad.status(), bad::toString);
        assertTrue(bad.body().contains("credentials.environment"), bad::toString);
        assertFalse(bad.body().contains("production"), "the value is not echoed: " + bad);
    }

    @Test
    void aTopUpApprovedOnPayPalsPageIsCapturedByTheJanitorAndCredited(Kassa kassa, PayPalFake paypal)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String account = tenant.newAccount();
        ApiResponse topUp = paypalTopUp(tenant, account, "25.00");
        assertEquals("NEW", topUp.string("status"));
        assertEquals("ACTION_REQUIRED", payment(topUp).getString("status"));
        String order = payment(topUp).getString("gatewayReference");
        assertTrue(paypal.requestIds().contains(payment(topUp).getString("id")), "the attempt id is PayPal-Request-Id");

        HttpResponse<String> page = HostedPageClient.get(approvalPage(topUp));
        assertTrue(page.body().contains("25.00 EUR"), page::body);
        String back = HostedPageClient.submit(approvalPage(topUp), Map.of("action", "approve"));
        assertTrue(back.startsWith(RETURN_URL + "&token=" + order), back);

        Eventually.until(() -> "PAID".equals(status(tenant, topUp)), "the janitor captures the approved order");
        assertEquals("COMPLETED", paypal.orderStatus(order).orElseThrow());
        assertEquals("25.00", tenant.balance(account));

        ApiResponse refund = tenant.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("10.00", "EUR")));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("SUCCEEDED", refund.string("status"), refund::toString);
        assertEquals(1_000, paypal.refundAmount(refund.string("gatewayReference")).orElseThrow());
        assertEquals("15.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void theApprovalWebhookCapturesAtOnceAndARedeliveryIsADuplicate(Kassa kassa, PayPalFake paypal) throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        paypal.sendWebhooksTo(clientId(tenant), webhookUrl(kassa, tenant).toString());
        String account = tenant.newAccount();
        ApiResponse topUp = paypalTopUp(tenant, account, "12.00");
        HostedPageClient.submit(approvalPage(topUp), Map.of("action", "approve"));
        // the fake delivered CHECKOUT.ORDER.APPROVED before it redirected: Kassa captured on it
        Eventually.until(() -> "PAID".equals(status(tenant, topUp)), "the approval webhook captures the order");
        assertEquals("12.00", tenant.balance(account));

        String order = payment(topUp).getString("gatewayReference");
        WebhookRequest completed = paypal.captureEvent(order, Instant.now());
        HttpResponse<String> first = post(webhookUrl(kassa, tenant), completed);
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> again = post(webhookUrl(kassa, tenant), completed);
        assertEquals(200, again.statusCode(), again::body);
        assertTrue(again.body().contains("\"duplicate\":true"), again::body);
        assertEquals("12.00", tenant.balance(account));
    }

    @Test
    void aPendingCaptureKeepsTheTopUpNewUntilPayPalReportsItCompleted(Kassa kassa, PayPalFake paypal)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String account = tenant.newAccount();
        paypal.nextCapturePending();
        ApiResponse topUp = paypalTopUp(tenant, account, "40.00");
        String order = payment(topUp).getString("gatewayReference");
        HostedPageClient.submit(approvalPage(topUp), Map.of("action", "approve"));
        Eventually.until(() -> paypal.orderStatus(order).map("COMPLETED"::equals).orElse(false),
                "the janitor captures the approved order");
        Eventually.until(() -> "PENDING".equals(payment(tenant.api().get("top-ups/" + topUp.string("id")))
                .getString("status")), "the pending capture is recorded");
        assertEquals("NEW", status(tenant, topUp));
        assertEquals("0.00", tenant.balance(account));

        paypal.settle(order);
        HttpResponse<String> delivered = post(webhookUrl(kassa, tenant), paypal.captureEvent(order, Instant.now()));
        assertEquals(200, delivered.statusCode(), delivered::body);
        assertEquals("PAID", status(tenant, topUp));
        assertEquals("40.00", tenant.balance(account));
    }

    @Test
    void aPayPalAccountSavedWithoutPayingIsPendingThenConfirmedAndPaysOffSession(Kassa kassa, PayPalFake paypal)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Ada",
                "country", "DE")).string("id");
        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods", obj("method", "paypal",
                "payerId", payer, "returnUrl", RETURN_URL, "cancelUrl", CANCEL_URL));
        assertEquals(201, saving.status(), saving::toString);
        assertEquals("PENDING", saving.string("status"));
        String agreement = saving.object().getJsonObject("nextAction").getString("redirectUrl");
        assertTrue(paypal.requestIds().contains(saving.string("id")), "the saved method's id is PayPal-Request-Id");
        String back = HostedPageClient.submit(agreement, Map.of("action", "approve"));
        assertTrue(back.startsWith(RETURN_URL), back);
        Eventually.until(() -> "CONFIRMED".equals(tenant.api().get("saved-methods/" + saving.string("id"))
                .string("status")), "the janitor finds the agreement and confirms the saved method");
        assertEquals("paypal", tenant.api().get("saved-methods/" + saving.string("id")).string("brand"));

        ApiResponse renewal = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("20.00", "EUR"),
                "method", "paypal", "payerId", payer, "savedMethodId", saving.string("id"), "offSession", true));
        assertEquals(201, renewal.status(), renewal::toString);
        assertEquals("PAID", renewal.string("status"), renewal::toString);
        assertEquals("20.00", tenant.balance(account));
        assertEquals(404, kassa.newTenant().api().get("saved-methods/" + saving.string("id")).status());
    }

    @Test
    void anotherTenantCannotSeeTheConfigurationNorBeCreditedWithAnOrderOfAnotherPayPalAccount(Kassa kassa,
            PayPalFake paypal) throws Exception {
        Kassa.Tenant owner = paypalTenant(kassa, paypal);
        Kassa.Tenant other = paypalTenant(kassa, paypal);
        ApiResponse otherView = other.api().get("payment-methods/paypal");
        assertFalse(otherView.body().contains(clientId(owner)), otherView::toString);

        String account = owner.newAccount();
        ApiResponse topUp = paypalTopUp(owner, account, "8.00");
        String order = payment(topUp).getString("gatewayReference");
        paypal.approve(order);
        // the owner's order, signed for the shared webhook id, delivered to the other tenant's URL: the other
        // tenant's PayPal app does not know the order, so the delivery is refused and changes nothing
        HttpResponse<String> refused = post(webhookUrl(kassa, other), paypal.orderEvent(order,
                "CHECKOUT.ORDER.APPROVED", Instant.now()));
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("webhook.signature_invalid"), refused::body);
        assertEquals(404, other.api().get("top-ups/" + topUp.string("id")).status());
    }

    /** The payer approves the top-up's order and the approval webhook captures it: the order id. */
    private static String paidByWebhook(Kassa kassa, PayPalFake paypal, Kassa.Tenant tenant, ApiResponse topUp)
            throws Exception {
        String order = payment(topUp).getString("gatewayReference");
        paypal.approve(order);
        HttpResponse<String> approved = post(webhookUrl(kassa, tenant), paypal.orderEvent(order,
                "CHECKOUT.ORDER.APPROVED", Instant.now()));
        assertEquals(200, approved.statusCode(), approved::body);
        assertEquals("PAID", status(tenant, topUp));
        return order;
    }

    @Test
    void aChargebackTakesThePaymentBackOnceEvenBelowZeroAndTellsTheReseller(Kassa kassa, PayPalFake paypal)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        ApiResponse endpoint = tenant.api().post("webhook-endpoints", obj("url",
                "https://hooks.reseller.invalid/kassa", "events", List.of("payment.reversed")));
        assertEquals(201, endpoint.status(), endpoint::toString);
        String account = tenant.newAccount();
        ApiResponse topUp = paypalTopUp(tenant, account, "30.00");
        String order = paidByWebhook(kassa, paypal, tenant, topUp);
        ApiResponse spent = tenant.api().post("accounts/" + account + "/charges", obj("amount", money("25.00", "EUR"),
                "description", "Hosting, December"));
        assertEquals(201, spent.status(), spent::toString);
        assertEquals("5.00", tenant.balance(account));

        String reversal = paypal.reverse(order);
        WebhookRequest reversed = paypal.reversalEvent(reversal, Instant.now());
        // another tenant's URL: its PayPal app does not know the reversal, nothing moves
        Kassa.Tenant other = paypalTenant(kassa, paypal);
        HttpResponse<String> refused = post(webhookUrl(kassa, other), reversed);
        assertEquals(400, refused.statusCode(), refused::body);
        assertEquals("5.00", tenant.balance(account));

        HttpResponse<String> applied = post(webhookUrl(kassa, tenant), reversed);
        assertEquals(200, applied.statusCode(), applied::body);
        assertTrue(applied.body().contains("\"outcome\":\"applied\""), applied::body);
        assertEquals("-25.00", tenant.balance(account), "the money is gone: the balance goes below zero");
        // the same delivery again, and the same reversal under a new event id: taken back once
        assertTrue(post(webhookUrl(kassa, tenant), reversed).body().contains("\"duplicate\":true"));
        HttpResponse<String> again = post(webhookUrl(kassa, tenant), paypal.reversalEvent(reversal, Instant.now()));
        assertEquals(200, again.statusCode(), again::body);
        assertTrue(again.body().contains("\"outcome\":\"ignored\""), again::body);
        assertEquals("-25.00", tenant.balance(account));

        JsonObject line = tenant.api().get("accounts/" + account + "/transactions").items().getJsonObject(0);
        assertEquals("REVERSAL", line.getString("type"), line::toString);
        assertEquals("-30.00", line.getJsonObject("amount").getString("amount"), line::toString);
        assertEquals("-25.00", line.getJsonObject("balanceAfter").getString("amount"), line::toString);
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
        ApiResponse blocked = tenant.api().post("accounts/" + account + "/charges", obj("amount", money("1.00", "EUR"),
                "description", "more"));
        assertEquals(409, blocked.status(), "a balance below zero pays for nothing: " + blocked);
        tenant.fund(account, "40.00"); // the one-statement credit takes money in below zero too
        assertEquals("15.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));

        var deliveries = tenant.api().get("webhook-endpoints/" + endpoint.string("id") + "/deliveries").items();
        assertEquals(1, deliveries.size(), deliveries::toString);
        assertEquals("payment.reversed", deliveries.getJsonObject(0).getString("eventType"));
        JsonObject data = jakarta.json.Json.createReader(new java.io.StringReader(deliveries.getJsonObject(0)
                .getString("payload"))).readObject().getJsonObject("data");
        assertEquals(topUp.string("id"), data.getString("topUpId"), data::toString);
        assertEquals("30.00", data.getJsonObject("amount").getString("amount"));
        assertEquals("30.00", data.getJsonObject("debited").getString("amount"));
        assertEquals("-25.00", data.getJsonObject("balanceAfter").getString("amount"));
        assertEquals("reversed", data.getString("reasonCode"));
        assertEquals(line.getString("id"), data.getString("transactionId"));
        ApiResponse notices = tenant.api().get("notifications?type=payment.reversed");
        assertEquals(1, notices.items().size(), notices::toString);
        assertEquals(0, other.api().get("notifications?type=payment.reversed").items().size());
    }

    @Test
    void aPayPalAccountVaultedAfterThePaymentIsSavedOnTheTokenWebhookAndGoesWhenRemovedAtPayPal(Kassa kassa,
            PayPalFake paypal) throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Ada",
                "country", "DE")).string("id");
        paypal.nextVaultLate();
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("15.00", "EUR"),
                "method", "paypal", "payerId", payer, "saveMethod", true, "returnUrl", RETURN_URL,
                "cancelUrl", CANCEL_URL));
        assertEquals(201, topUp.status(), topUp::toString);
        String order = paidByWebhook(kassa, paypal, tenant, topUp);
        assertEquals(0, tenant.api().get("accounts/" + account + "/saved-methods").items().size(),
                "PayPal has not saved the account yet");

        String token = paypal.vaultNow(order);
        WebhookRequest created = paypal.paymentTokenEvent(token, "VAULT.PAYMENT-TOKEN.CREATED", Instant.now());
        Kassa.Tenant other = paypalTenant(kassa, paypal);
        assertEquals(400, post(webhookUrl(kassa, other), created).statusCode(), "not the other tenant's token");
        HttpResponse<String> saved = post(webhookUrl(kassa, tenant), created);
        assertEquals(200, saved.statusCode(), saved::body);
        assertTrue(saved.body().contains("\"outcome\":\"applied\""), saved::body);
        var methods = tenant.api().get("accounts/" + account + "/saved-methods").items();
        assertEquals(1, methods.size(), methods::toString);
        JsonObject method = methods.getJsonObject(0);
        assertEquals("CONFIRMED", method.getString("status"), method::toString);
        assertEquals("paypal", method.getString("brand"));

        WebhookRequest premature = paypal.paymentTokenEvent(token, "VAULT.PAYMENT-TOKEN.DELETED", Instant.now());
        assertTrue(post(webhookUrl(kassa, tenant), premature).body().contains("\"outcome\":\"ignored\""),
                "PayPal still holds the token: the delivery's word is not taken");
        paypal.forgetPaymentToken(token);
        HttpResponse<String> deleted = post(webhookUrl(kassa, tenant), paypal.paymentTokenEvent(token,
                "VAULT.PAYMENT-TOKEN.DELETED", Instant.now()));
        assertEquals(200, deleted.statusCode(), deleted::body);
        assertTrue(deleted.body().contains("\"outcome\":\"applied\""), deleted::body);
        assertEquals(0, tenant.api().get("accounts/" + account + "/saved-methods").items().size());
        assertEquals(404, tenant.api().get("saved-methods/" + method.getString("id")).status());
    }

    @Test
    void aRefundPayPalHoldsStaysPendingUntilTheRefundedEventFindsItCompleted(Kassa kassa, PayPalFake paypal)
            throws Exception {
        Kassa.Tenant tenant = paypalTenant(kassa, paypal);
        String account = tenant.newAccount();
        ApiResponse topUp = paypalTopUp(tenant, account, "20.00");
        paidByWebhook(kassa, paypal, tenant, topUp);
        paypal.nextRefundPending();
        ApiResponse refund = tenant.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("8.00", "EUR")));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("PENDING", refund.string("status"), refund::toString);
        String gatewayRefund = refund.string("gatewayReference");

        // PayPal's event while it still holds the refund: fetched again, it is still PENDING
        HttpResponse<String> early = post(webhookUrl(kassa, tenant), paypal.refundEvent(gatewayRefund, Instant.now()));
        assertEquals(200, early.statusCode(), early::body);
        assertEquals("PENDING", tenant.api().get("refunds/" + refund.string("id")).string("status"));
        assertEquals("12.00", tenant.balance(account));

        paypal.settleRefund(gatewayRefund);
        HttpResponse<String> settled = post(webhookUrl(kassa, tenant), paypal.refundEvent(gatewayRefund,
                Instant.now()));
        assertEquals(200, settled.statusCode(), settled::body);
        assertEquals("SUCCEEDED", tenant.api().get("refunds/" + refund.string("id")).string("status"));
        assertEquals("12.00", tenant.balance(account));
        assertEquals(404, kassa.newTenant().api().get("refunds/" + refund.string("id")).status());
    }
}
