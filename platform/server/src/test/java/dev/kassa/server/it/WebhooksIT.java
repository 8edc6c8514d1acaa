package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
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
import dev.kassa.testkit.WebhookReceiver.Delivery;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks. On a node of its own that allows plain http to the loopback
 * ({@code KASSA_WEBHOOKS_ALLOW_INSECURE=true}), sending every second to a receiver in this test:
 * a paid top-up arrives once, signed as the Standard Webhooks specification says (checked here
 * with code of this test's own), and a receiver that fails gets the same webhook-id again. On the
 * shared server, which does not allow it, such URLs are refused; and tenants are walls.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIT {
    private WebhookReceiver receiver;
    private OwnNode node;
    private Kassa insecure;

    @BeforeAll
    void aNodeThatMayCallTheLoopback(EmbeddedDatabase database) {
        receiver = WebhookReceiver.start();
        node = OwnNode.start(database, "kassa_webhooks", "KASSA_WEBHOOKS_ALLOW_INSECURE", "true",
                "KASSA_WEBHOOKS_INTERVAL", "1");
        insecure = node.kassa();
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

    @Test
    void aPaidTopUpIsDeliveredOnceSignedAsTheSpecificationSays() throws Exception {
        Kassa.Tenant tenant = insecure.newTenant();
        String account = tenant.newAccount();
        String path = "/paid-" + UUID.randomUUID();
        ApiResponse endpoint = createEndpoint(tenant, receiverUrl(path), List.of("topup.paid"));
        String secret = endpoint.string("secret");
        assertTrue(secret.startsWith("whsec_"), endpoint::toString);
        String refundsOnly = "/refunds-" + UUID.randomUUID();
        createEndpoint(tenant, receiverUrl(refundsOnly), List.of("refund.succeeded"));

        ApiResponse topUp = payTopUp(tenant, account, "25.00");

        Eventually.until(() -> count(path) >= 1, "the webhook arrives");
        Thread.sleep(2500); // several rounds of the worker: nothing more comes
        assertEquals(1, count(path), "delivered once");
        assertEquals(0, count(refundsOnly), "an endpoint gets only the events it subscribed to");
        Delivery hook = receiver.deliveries(path).get(0);
        assertTrue(verify(secret, hook), "the signature verifies: " + hook);
        assertEquals("application/json", hook.header("content-type"));
        long timestamp = Long.parseLong(hook.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "a current timestamp");
        JsonObject event = hook.json();
        assertEquals(hook.header("webhook-id"), event.getString("id"));
        assertTrue(event.getString("id").startsWith("evt_"), hook.body());
        assertEquals("topup.paid", event.getString("type"));
        assertEquals(tenant.id(), event.getString("tenantId"));
        Instant.parse(event.getString("createdAt"));
        JsonObject data = event.getJsonObject("data");
        assertEquals(topUp.string("id"), data.getString("id"));
        assertEquals(account, data.getString("accountId"));
        assertEquals(topUp.string("reference"), data.getString("reference"));
        assertEquals("PAID", data.getString("status"));
        assertEquals("25.00", data.getJsonObject("amount").getString("amount"));
        assertEquals("EUR", data.getJsonObject("amount").getString("currency"));
        assertEquals("25.00", data.getJsonObject("credited").getString("amount"));
        assertTrue(data.isNull("reasonCode") && data.isNull("reason"), hook.body());

        JsonArray deliveries = tenant.api().get("webhook-endpoints/" + endpoint.string("id") + "/deliveries").items();
        assertEquals(1, deliveries.size(), deliveries::toString);
        JsonObject delivery = deliveries.getJsonObject(0);
        assertEquals("DELIVERED", delivery.getString("status"));
        assertEquals(event.getString("id"), delivery.getString("eventId"));
        assertEquals(hook.body(), delivery.getString("payload"));
        assertEquals(1, delivery.getJsonArray("attempts").size());
        assertEquals(200, delivery.getJsonArray("attempts").getJsonObject(0).getInt("statusCode"));
    }

    @Test
    void aReceiverThatFailsGetsTheSameWebhookIdAgainAndARedeliveryToo() throws Exception {
        Kassa.Tenant tenant = insecure.newTenant();
        String account = tenant.newAccount();
        String path = "/flaky-" + UUID.randomUUID();
        receiver.answer(path, 500);
        ApiResponse endpoint = createEndpoint(tenant, receiverUrl(path), List.of("*"));
        String secret = endpoint.string("secret");

        payTopUp(tenant, account, "12.00");

        Eventually.until(() -> count(path) >= 2, "the webhook is tried again after a 500");
        List<Delivery> hooks = receiver.deliveries(path);
        assertEquals(hooks.get(0).header("webhook-id"), hooks.get(1).header("webhook-id"));
        assertEquals(hooks.get(0).body(), hooks.get(1).body(), "the same body");
        assertTrue(verify(secret, hooks.get(0)) && verify(secret, hooks.get(1)), "each try is signed");
        String deliveriesPath = "webhook-endpoints/" + endpoint.string("id") + "/deliveries";
        Eventually.until(() -> "DELIVERED".equals(tenant.api().get(deliveriesPath).items().getJsonObject(0)
                .getString("status")), "the second try is recorded");
        JsonObject delivery = tenant.api().get(deliveriesPath).items().getJsonObject(0);
        JsonArray attempts = delivery.getJsonArray("attempts");
        assertEquals(2, attempts.size(), delivery::toString);
        assertEquals(500, attempts.getJsonObject(0).getInt("statusCode"));
        assertEquals("answered HTTP 500", attempts.getJsonObject(0).getString("error"));
        assertEquals(200, attempts.getJsonObject(1).getInt("statusCode"));
        assertTrue(attempts.getJsonObject(1).isNull("error"));
        assertEquals(2, delivery.getInt("tries"));

        ApiResponse redelivered = tenant.api().post(deliveriesPath + "/" + delivery.getString("id") + "/redeliver",
                "{}");
        assertEquals(202, redelivered.status(), redelivered::toString);
        assertEquals("PENDING", redelivered.string("status"));
        Eventually.until(() -> count(path) >= 3, "the redelivery arrives");
        assertEquals(hooks.get(0).header("webhook-id"), receiver.deliveries(path).get(2).header("webhook-id"));
        assertTrue(verify(secret, receiver.deliveries(path).get(2)));
    }

    @Test
    void insecureDestinationsAreRefusedWithoutTheOperatorsSetting(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals("webhook.url_insecure", createEndpoint(tenant, receiverUrl("/x"), List.of("*")).code());
        String loopback = receiver.url("/x").replace("http:", "https:");
        assertEquals("webhook.url_forbidden", createEndpoint(tenant, loopback, List.of("*")).code());
        assertEquals("webhook.url_forbidden", createEndpoint(tenant, "https://localhost/x", List.of("*")).code());
        assertEquals("webhook.url_forbidden", createEndpoint(tenant, "https://169.254.169.254/latest", List.of("*"))
                .code());
        assertEquals("webhook.url_forbidden", createEndpoint(tenant, "https://[::1]/x", List.of("*")).code());
        assertEquals(0, tenant.api().get("webhook-endpoints").items().size());
    }

    @Test
    void anotherTenantCannotSeeDeleteOrRedeliverAnEndpoint(Kassa kassa) {
        Kassa.Tenant owner = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String key = "webhook-" + UUID.randomUUID();
        String body = obj("url", "https://hooks.reseller.invalid/kassa", "events", List.of("topup.paid", "*"));
        ApiResponse created = owner.api().post("webhook-endpoints", body, key);
        assertEquals(201, created.status(), created::toString);
        String id = created.string("id");
        assertEquals(List.of("topup.paid", "*"), created.object().getJsonArray("events").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        ApiResponse replay = owner.api().post("webhook-endpoints", body, key);
        assertEquals(id, replay.string("id"));
        assertTrue(replay.object().isNull("secret"), "the secret is shown once: " + replay);
        assertFalse(owner.api().get("webhook-endpoints/" + id).object().containsKey("secret"));

        for (ApiResponse refused : List.of(other.api().get("webhook-endpoints/" + id),
                other.api().get("webhook-endpoints/" + id + "/deliveries"),
                other.api().post("webhook-endpoints/" + id + "/deliveries/whd_01M8454ZQ4E9C6K2N7T1V5B8XR/redeliver",
                        "{}"),
                other.api().delete("webhook-endpoints/" + id))) {
            assertEquals(404, refused.status(), refused::toString);
            assertEquals("not_found", refused.code());
        }
        assertEquals(0, other.api().get("webhook-endpoints").items().size());
        assertEquals(200, owner.api().get("webhook-endpoints/" + id).status(), "still there");
        assertEquals(1, owner.api().get("webhook-endpoints").items().size());

        assertEquals(204, owner.api().delete("webhook-endpoints/" + id).status());
        assertEquals(404, owner.api().get("webhook-endpoints/" + id).status());
        assertEquals(0, owner.api().get("webhook-endpoints").items().size());
    }

    /** Verifies a delivery as a receiver would, after the specification, without Kassa's code. */
    static boolean verify(String secret, Delivery hook) throws Exception {
        String id = hook.header("webhook-id");
        String timestamp = hook.header("webhook-timestamp");
        String signatures = hook.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + hook.body()).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private ApiResponse createEndpoint(Kassa.Tenant tenant, String url, List<String> events) {
        return tenant.api().post("webhook-endpoints", obj("url", url, "events", events));
    }

    private String receiverUrl(String path) {
        return receiver.url(path);
    }

    private int count(String path) {
        return receiver.deliveries(path).size();
    }

    private static ApiResponse payTopUp(Kassa.Tenant tenant, String account, String amount) {
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("*"),
                "beneficiary", "Reseller Ltd", "iban", "GB82 WEST 1234 5698 7654 32", "bic", "WESTGB2L"));
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "bank-transfer"));
        assertEquals(201, topUp.status(), topUp::toString);
        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "wh-" + UUID.randomUUID(),
                "reference", topUp.string("reference"), "amount", money(amount, "EUR")));
        assertEquals("MATCHED", transfer.string("status"), transfer::toString);
        return topUp;
    }
}
