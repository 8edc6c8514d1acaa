package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kassa nodes on one PostgreSQL, both running the janitor every second: every open payment is
 * resolved and credited once, and no node ever asks about a payment the other one has claimed.
 */
@ExtendWith(KassaExtension.class)
class TwoNodeJanitorIT {

    @Test
    void twoNodesShareTheJanitorsWorkAndNeverAskTwice(Kassa kassa, EmbeddedDatabase database, StripeFake stripe,
                                                      @TempDir Path dir) throws Exception {
        // Every node must use the same master key to read the tenants' gateway credentials.
        String masterKey = Files.readString(kassa.process().pluginsDir().getParent().resolve("master.key")).strip();
        try (KassaProcess second = KassaProcess.start(KassaProcess.env(
                "KASSA_DB_URL", database.url(KassaExtension.DATABASE), "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dir.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", "second-node-" + UUID.randomUUID(), "KASSA_MASTER_KEY", masterKey,
                "KASSA_PLUGINS_STRIPE_API_BASE", stripe.baseUrl(), "KASSA_ALLOW_INSECURE_GATEWAYS", "true",
                "KASSA_JANITOR_INTERVAL", "1"))) {
            Kassa.Tenant tenant = kassa.newTenant();
            assertEquals(200, tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                    List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                            "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret",
                            StripeFake.WEBHOOK_SECRET))).status());
            String account = tenant.newAccount();
            List<String> topUps = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                        obj("amount", money("5.00", "EUR"), "method", "stripe-card"));
                topUps.add(topUp.string("id"));
                stripe.customerConfirms(topUp.object().getJsonObject("payment").getString("gatewayReference"));
            }

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!tenant.balance(account).equals("100.00") && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals("100.00", tenant.balance(account), "every payment found by a janitor, credited once");
            Thread.sleep(2500); // more rounds on both nodes change nothing
            assertEquals("100.00", tenant.balance(account));
            for (String topUp : topUps) {
                JsonObject attempt = tenant.api().get("top-ups/" + topUp + "/attempts").items().getJsonObject(0);
                assertEquals("SUCCEEDED", attempt.getString("status"));
                List<JsonObject> janitor = attempt.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                        .filter(h -> h.getString("source").equals("janitor")).toList();
                assertTrue(janitor.stream().noneMatch(h -> h.getString("detail", "").startsWith("ignored")),
                        "no node asked about an attempt another had settled: " + janitor);
                assertEquals(1, janitor.stream().filter(h -> h.getString("status").equals("SUCCEEDED")).count());
            }
            assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
        }
    }
}
