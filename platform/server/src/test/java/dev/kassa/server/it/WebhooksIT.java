package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private HttpServer receiver;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private KassaProcess node;
    private Kassa insecure;

    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    @BeforeAll
    void aNodeThatMayCallTheLoopback(EmbeddedDatabase database) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers, body));
            Deque<Integer> queue = answers.get(path);
            Integer status = queue == null ? null : queue.pollFirst();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        String url = database.createDatabase("kassa_webhooks");
        String token = "op-webhooks-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = Files.createTempDirectory("kassa-webhooks-it-");
        node = KassaProcess.start(KassaProcess.env("KASSA_DB_URL", url, "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dir.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", token, "KASSA_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                "KASSA_WEBHOOKS_ALLOW_INSECURE", "true", "KASSA_WEBHOOKS_INTERVAL", "1"));
        insecure = new Kassa(node, token);
    }

    @AfterAll
    void stop() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            receiver.stop(0);
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
        Received hook = received.get(path).get(0);
        assertTrue(verify(secret, hook), "the signature verifies: " + hook);
        assertEquals("application/json", hook.header("content-type"));
        long timestamp = Long.parseLong(hook.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "a current timestamp");
        JsonObject event = Json.createReader(new StringReader(hook.body())).readObject();
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
        answers.put(path, new ArrayDeque<>(List.of(500)));
        ApiResponse endpoint = createEndpoint(tenant, receiverUrl(path), List.of("*"));
        String secret = endpoint.string("secret");

        payTopUp(tenant, account, "12.00");

        Eventually.until(() -> count(path) >= 2, "the webhook is tried again after a 500");
        List<Received> hooks = received.get(path);
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
        assertEquals(hooks.get(0).header("webhook-id"), received.get(path).get(2).header("webhook-id"));
        assertTrue(verify(secret, received.get(path).get(2)));
    }

    @Test
    void insecureDestinationsAreRefusedWithoutTheOperatorsSetting(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals("webhook.url_insecure", createEndpoint(tenant, receiverUrl("/x"), List.of("*")).code());
        assertEquals("webhook.url_forbidden", createEndpoint(tenant, "https://127.0.0.1:" + receiver.getAddress()
                .getPort() + "/x", List.of("*")).code());
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
    static boolean verify(String secret, Received hook) throws Exception {
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
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private int count(String path) {
        return received.getOrDefault(path, List.of()).size();
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
