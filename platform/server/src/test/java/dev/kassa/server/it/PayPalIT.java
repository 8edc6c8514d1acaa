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
}
