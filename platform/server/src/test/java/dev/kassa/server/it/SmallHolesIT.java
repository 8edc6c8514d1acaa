package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Holes found by reading the code, each closed and proven here over HTTP. */
@ExtendWith(KassaExtension.class)
class SmallHolesIT {

    @Test
    void aStatementCursorFromAnotherAccountOrMadeUpIsRefused(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String mine = tenant.newAccount();
        String theirs = tenant.newAccount();
        for (int i = 0; i < 3; i++) {
            tenant.fund(mine, "1.00");
            tenant.fund(theirs, "1.00");
        }
        String theirCursor = tenant.api().get("accounts/" + theirs + "/transactions?limit=1").string("next");
        String myCursor = tenant.api().get("accounts/" + mine + "/transactions?limit=1").string("next");

        for (String bad : List.of(theirCursor, "jen_01M8450V9QAEGXJDSPHQ4H3WGF", "zzz", "jen_")) {
            ApiResponse refused = tenant.api().get("accounts/" + mine + "/transactions?limit=1&after=" + bad);
            assertEquals(422, refused.status(), bad + ": " + refused);
            assertEquals("request.invalid_cursor", refused.code());
            assertEquals("after", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        ApiResponse next = tenant.api().get("accounts/" + mine + "/transactions?limit=1&after=" + myCursor);
        assertEquals(200, next.status(), next::toString);
        assertEquals(1, next.items().size());

        Kassa.Tenant other = kassa.newTenant();
        String foreign = other.newAccount();
        ApiResponse acrossTenants = other.api().get("accounts/" + foreign + "/transactions?after=" + myCursor);
        assertEquals("request.invalid_cursor", acrossTenants.code());
    }

    @Test
    void aWebhookAnswerTellsNothingAboutWhichTenantsOrGatewaysExist(Kassa kassa) {
        Kassa.Tenant known = kassa.newTenant(); // has no Stripe credentials configured
        String signature = "t=1,v1=00";
        ApiResponse unknownTenant = kassa.anonymous().send("POST", "/webhooks/no-such-tenant-" + System.nanoTime()
                + "/stripe", "{}", Map.of("Stripe-Signature", signature));
        ApiResponse unconfigured = kassa.anonymous().send("POST", "/webhooks/" + known.slug() + "/stripe", "{}",
                Map.of("Stripe-Signature", signature));
        ApiResponse unknownPlugin = kassa.anonymous().send("POST", "/webhooks/" + known.slug() + "/no-such-plugin",
                "{}", Map.of("Stripe-Signature", signature));

        assertEquals(400, unknownTenant.status());
        assertEquals("webhook.signature_invalid", unknownTenant.code());
        assertEquals(unknownTenant.body(), unconfigured.body());
        assertEquals(unknownTenant.body(), unknownPlugin.body());
        assertEquals(unknownTenant.status(), unconfigured.status());
        assertEquals(unknownTenant.status(), unknownPlugin.status());
    }

    /**
     * A top-up and a change of the account's currency, raced: whichever wins, no NEW top-up is left
     * promising a credit in a currency the account no longer has.
     */
    @Test
    void aTopUpAndACurrencyChangeNeverLeaveAnUncreditableTopUp(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals(200, tenant.api().put("settings/currencies", obj("base", "EUR", "enabled", List.of("EUR", "USD"),
                "markupBasisPoints", 0)).status());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String account = tenant.newAccount();
                CompletableFuture<ApiResponse> topUp = CompletableFuture.supplyAsync(() -> tenant.api().post(
                        "accounts/" + account + "/top-ups", obj("amount", money("20.00", "EUR"),
                                "method", "bank-transfer")), pool);
                CompletableFuture<ApiResponse> change = CompletableFuture.supplyAsync(() -> tenant.api().send(
                        "PATCH", "accounts/" + account, obj("currency", "USD"), Map.of()), pool);
                ApiResponse made = topUp.get(60, TimeUnit.SECONDS);
                ApiResponse changed = change.get(60, TimeUnit.SECONDS);
                // The change came first (quote.required: EUR no longer is the account's currency), in the
                // middle (currency_changed), or last (refused itself, since the top-up is NEW).
                assertTrue(made.status() == 201 || "account.currency_changed".equals(made.code())
                        || "quote.required".equals(made.code()), made::toString);
                assertTrue(changed.status() == 200 || "account.currency_locked".equals(changed.code()),
                        changed::toString);

                String currency = tenant.api().get("accounts/" + account).string("currency");
                for (var item : tenant.api().get("accounts/" + account + "/top-ups").items()) {
                    JsonObject t = item.asJsonObject();
                    assertEquals(currency, t.getJsonObject("credit").getString("currency"),
                            "round " + round + ": a NEW top-up crediting another currency than the account's");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
