package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds of unused funds through bank transfer, the method the platform carries as a plugin:
 * PENDING until the tenant reports the money sent, the balance debited at once and restored if
 * the tenant reports the transfer failed.
 */
@ExtendWith(KassaExtension.class)
class BankTransferRefundIT {

    @Test
    void simultaneousRefundsNeverGiveBackMoreThanIsUnused(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("100.00", "EUR"), "method", "bank-transfer"));
        tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(), "reference",
                topUp.string("reference"), "amount", money("100.00", "EUR")));
        tenant.api().post("accounts/" + account + "/charges", obj("amount", money("10.00", "EUR"),
                "description", "Licence"));

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.List<java.util.concurrent.Future<ApiResponse>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> tenant.api().post("top-ups/" + topUp.string("id") + "/refunds",
                        obj("amount", money("20.00", "EUR")))));
            }
            int refunded = 0;
            int refused = 0;
            for (var answer : answers) {
                ApiResponse r = answer.get();
                if (r.status() == 201) {
                    refunded++;
                } else {
                    assertEquals("refund.exceeds_unused_funds", r.code(), r::toString);
                    refused++;
                }
            }
            assertEquals(4, refunded, "90.00 unused: four refunds of 20.00 fit");
            assertEquals(6, refused);
        } finally {
            pool.shutdown();
        }
        assertEquals("10.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void aBankTransferRefundWaitsForTheTenantAndNeverExceedsUnusedFunds(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("100.00", "EUR"), "method", "bank-transfer"));
        assertEquals(201, topUp.status(), topUp::toString);
        String id = topUp.string("id");
        assertEquals("refund.not_refundable", tenant.api().post("top-ups/" + id + "/refunds",
                obj("amount", money("1.00", "EUR"))).code());
        tenant.api().post("bank-transfers", obj("bankTransactionId", "bt-" + System.nanoTime(), "reference",
                topUp.string("reference"), "amount", money("100.00", "EUR")));
        assertEquals("100.00", tenant.balance(account));
        assertEquals("PENDING", topUp.object().getJsonObject("payment").getString("status"));
        ApiResponse paid = tenant.api().get("top-ups/" + id);
        assertEquals("PAID", paid.string("status"));
        assertEquals("SUCCEEDED", paid.object().getJsonObject("payment").getString("status"),
                "the transfer that arrived settles the bank-transfer attempt");
        assertEquals("100.00", paid.object().getJsonObject("payment").getJsonObject("received").getString("amount"));

        ApiResponse refund = tenant.api().post("top-ups/" + id + "/refunds", obj("amount", money("60.00", "EUR")),
                "refund-key-1");
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("PENDING", refund.string("status"));
        ApiResponse replay = tenant.api().post("top-ups/" + id + "/refunds", obj("amount", money("60.00", "EUR")),
                "refund-key-1");
        assertEquals(refund.string("id"), replay.string("id"), "the same Idempotency-Key refunds once");
        assertEquals("40.00", tenant.balance(account), "debited as soon as it is asked for");

        ApiResponse over = tenant.api().post("top-ups/" + id + "/refunds", obj("amount", money("40.01", "EUR")));
        assertEquals("refund.exceeds_unused_funds", over.code(), over::toString);
        assertEquals("40.00", over.object().getJsonObject("maximum").getString("amount"));
        assertEquals("refund.currency_unsupported", tenant.api().post("top-ups/" + id + "/refunds",
                obj("amount", money("1.00", "USD"))).code());

        ApiResponse sent = tenant.api().post("refunds/" + refund.string("id") + "/sent", "{}");
        assertEquals(200, sent.status(), sent::toString);
        assertEquals("SUCCEEDED", sent.string("status"));
        assertEquals("refund.not_pending", tenant.api().post("refunds/" + refund.string("id") + "/sent", "{}").code());

        String second = tenant.api().post("top-ups/" + id + "/refunds", obj("amount", money("15.00", "EUR")))
                .string("id");
        assertEquals("25.00", tenant.balance(account));
        ApiResponse failed = tenant.api().post("refunds/" + second + "/failed", obj("reason", "IBAN closed"));
        assertEquals("FAILED", failed.string("status"), failed::toString);
        assertEquals("IBAN closed", failed.string("reason"));
        assertEquals("40.00", tenant.balance(account), "a failed refund is back on the balance");
        assertEquals(2, tenant.api().get("top-ups/" + id + "/refunds").items().size());

        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().post("refunds/" + second + "/sent", "{}").status());
        assertEquals(404, other.api().get("top-ups/" + id + "/refunds").status());
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }
}
