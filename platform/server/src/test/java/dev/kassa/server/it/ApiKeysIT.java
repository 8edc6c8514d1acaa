package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant holds several API keys: it rolls one without downtime, and a revoked key stops at once. */
@ExtendWith(KassaExtension.class)
class ApiKeysIT {

    @Test
    void aKeyIsRolledWithoutDowntimeAndTheOldOneStopsAtOnce(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String oldKey = tenant.api().token();
        ApiClient keys = kassa.operator();
        String path = "tenants/" + tenant.id() + "/api-keys";

        ApiResponse listed = keys.get(path);
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(1, listed.items().size());
        JsonObject first = listed.items().getJsonObject(0);
        assertEquals(oldKey.substring(0, 8), first.getString("prefix"));
        assertEquals(oldKey.substring(oldKey.length() - 4), first.getString("last4"));
        assertTrue(listed.object().containsKey("next"));

        ApiResponse created = keys.post(path, null);
        assertEquals(201, created.status(), created::toString);
        String newKey = created.string("apiKey");
        assertTrue(newKey.startsWith("ksk_") && newKey.length() > 40, newKey);
        assertEquals(newKey.substring(0, 8), created.string("prefix"));
        assertNotNull(created.string("createdAt"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(created.string("id")));

        // Both keys work side by side while the tenant switches over.
        assertEquals(200, tenant.api().get("tenant").status());
        assertEquals(200, tenant.api().as(newKey).get("tenant").status());
        ApiResponse both = keys.get(path);
        assertEquals(2, both.items().size());
        assertFalse(both.body().contains(oldKey) || both.body().contains(newKey), "a listing shows no secret");
        assertFalse(both.items().getJsonObject(1).isNull("lastUsedAt"), "the old key was used: " + both.body());

        ApiResponse revoked = keys.delete(path + "/" + first.getString("id"));
        assertEquals(204, revoked.status(), revoked::toString);
        ApiResponse refused = tenant.api().get("tenant");
        assertEquals(401, refused.status(), "revoked on this node: refused at once");
        assertEquals("auth.unauthorized", refused.code());
        assertEquals(200, tenant.api().as(newKey).get("tenant").status());
        assertEquals(1, keys.get(path).items().size());
        assertEquals(404, keys.delete(path + "/" + first.getString("id")).status(), "already revoked");
    }

    @Test
    void revokingTheLastKeyLocksTheTenantOutUntilANewOneIsMade(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String path = "tenants/" + tenant.id() + "/api-keys";
        String only = kassa.operator().get(path).items().getJsonObject(0).getString("id");

        assertEquals(204, kassa.operator().delete(path + "/" + only).status());
        assertEquals(401, tenant.api().get("tenant").status());
        assertEquals(0, kassa.operator().get(path).items().size());

        String fresh = kassa.operator().post(path, null).string("apiKey");
        assertEquals(200, tenant.api().as(fresh).get("tenant").status());
    }

    @Test
    void keysBelongToTheirTenant(Kassa kassa) {
        Kassa.Tenant a = kassa.newTenant();
        Kassa.Tenant b = kassa.newTenant();
        String aKey = kassa.operator().get("tenants/" + a.id() + "/api-keys").items().getJsonObject(0).getString("id");

        assertEquals(404, kassa.operator().delete("tenants/" + b.id() + "/api-keys/" + aKey).status());
        assertEquals(200, a.api().get("tenant").status(), "a's key survived");
        assertEquals(404, kassa.operator().get("tenants/ten_01M8450BKW5HK0ZJ8NNZBMD6MY/api-keys").status());
        assertEquals(404, kassa.operator().post("tenants/ten_01M8450BKW5HK0ZJ8NNZBMD6MY/api-keys", null).status());
        ApiResponse mine = a.api().get("tenant");
        assertEquals(a.id(), mine.string("id"), "a key authenticates its own tenant only");
    }

    @Test
    void aReplayNeverCarriesTheSecretAndTheStoreHoldsNone(Kassa kassa, EmbeddedDatabase database) throws Exception {
        String slug = "replayed-" + System.nanoTime();
        String body = obj("slug", slug, "name", "Replayed", "baseCurrency", "EUR", "defaultLocale", "en");
        ApiResponse first = kassa.operator().post("tenants", body, "tenant-" + slug);
        assertEquals(201, first.status(), first::toString);
        String tenantKey = first.string("apiKey");
        ApiResponse replay = kassa.operator().post("tenants", body, "tenant-" + slug);
        assertEquals(201, replay.status());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertTrue(replay.object().isNull("apiKey"), replay.body());
        assertTrue(replay.string("apiKeyNotice").contains("/api/v1/tenants/" + first.string("id") + "/api-keys"));
        assertEquals(first.string("id"), replay.string("id"));

        String tenantId = first.string("id");
        ApiResponse issued = kassa.operator().post("tenants/" + tenantId + "/api-keys", null, "key-" + slug);
        String issuedKey = issued.string("apiKey");
        ApiResponse again = kassa.operator().post("tenants/" + tenantId + "/api-keys", null, "key-" + slug);
        assertTrue(again.object().isNull("apiKey"), again.body());
        assertEquals(issued.string("id"), again.string("id"));
        assertTrue(again.string("apiKeyNotice").contains(issued.string("id")));

        List<String> stored = storedResponses(database);
        assertFalse(stored.isEmpty());
        for (String response : stored) {
            assertFalse(response.contains(tenantKey) || response.contains(issuedKey), "a key kept in plain text");
        }
    }

    @Test
    void aKeyRevokedOnOneNodeStopsOnAnotherWithinFiveSeconds(Kassa kassa, EmbeddedDatabase database) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String path = "tenants/" + tenant.id() + "/api-keys";
        String keyId = kassa.operator().get(path).items().getJsonObject(0).getString("id");
        Path dir = Files.createTempDirectory("kassa-second-node-");
        try (KassaProcess second = KassaProcess.start(KassaProcess.env(
                "KASSA_DB_URL", database.url(KassaExtension.DATABASE), "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dir.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", "second-node-operator-token-0123456789abcdef",
                "KASSA_ALLOW_INSECURE_GATEWAYS", "true"))) {
            ApiClient onSecond = new ApiClient(second.baseUri(), tenant.api().token());
            assertEquals(200, onSecond.get("tenant").status(), "the second node knows the key");

            assertEquals(204, kassa.operator().delete(path + "/" + keyId).status());
            long revokedAt = System.nanoTime();
            int status = 200;
            while (status == 200 && System.nanoTime() - revokedAt < 10_000_000_000L) {
                status = onSecond.get("tenant").status();
                if (status == 200) {
                    Thread.sleep(100);
                }
            }
            long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;
            assertEquals(401, status, "still accepted after " + tookMillis + " ms");
            assertTrue(tookMillis <= 5_000, "refused only after " + tookMillis + " ms");
        }
    }

    private static List<String> storedResponses(EmbeddedDatabase database) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url(KassaExtension.DATABASE), database.user(),
                database.password());
             PreparedStatement s = c.prepareStatement(
                     "select response_body from idempotency_keys where scope = 'operator' and response_body is not null");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
