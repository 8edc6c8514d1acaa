package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KassaExtension.class)
class IdempotencyIT {

    @Test
    void theSameKeyAndRequestReplaysTheFirstAnswerAndChargesOnce(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        tenant.fund(account, "100.00");
        String body = obj("amount", money("10.00", "EUR"), "description", "VPS");

        ApiResponse first = tenant.api().post("accounts/" + account + "/charges", body, "charge-1");
        // Same content, other key order and spacing: still the same request.
        ApiResponse again = tenant.api().post("accounts/" + account + "/charges",
                "{ \"description\": \"VPS\",  \"amount\": {\"currency\":\"EUR\",\"amount\":\"10.00\"} }", "charge-1");

        assertEquals(201, first.status());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.object(), again.object());
        assertEquals("90.00", tenant.balance(account));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        tenant.fund(account, "100.00");
        tenant.api().post("accounts/" + account + "/charges", obj("amount", money("10.00", "EUR"),
                "description", "VPS"), "k");

        ApiResponse other = tenant.api().post("accounts/" + account + "/charges", obj("amount", money("20.00", "EUR"),
                "description", "VPS"), "k");

        assertEquals(422, other.status());
        assertEquals("idempotency.key_reused", other.code());
        assertEquals("90.00", tenant.balance(account));
    }

    @Test
    void simultaneousRequestsWithOneKeyDoTheWorkOnce(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        tenant.fund(account, "100.00");
        String body = obj("amount", money("10.00", "EUR"), "description", "VPS");

        List<ApiResponse> responses = ConcurrencyIT.concurrently(10,
                i -> tenant.api().post("accounts/" + account + "/charges", body, "same-key"));

        for (ApiResponse r : responses) {
            assertTrue(r.status() == 201 || (r.status() == 409 && "idempotency.in_progress".equals(r.code())),
                    r::toString);
        }
        assertEquals("90.00", tenant.balance(account));
        assertEquals(1, responses.stream().filter(r -> r.status() == 201).map(r -> r.string("id")).distinct().count());
    }

    @Test
    void aRefusedRequestIsReplayedAsRefused(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String body = obj("amount", money("10.00", "EUR"), "description", "VPS");

        ApiResponse first = tenant.api().post("accounts/" + account + "/charges", body, "refused");
        tenant.fund(account, "100.00");
        ApiResponse again = tenant.api().post("accounts/" + account + "/charges", body, "refused");

        assertEquals(409, first.status());
        assertEquals(409, again.status());
        assertEquals("balance.insufficient", again.code());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals("100.00", tenant.balance(account));
    }

    @Test
    void keysAreScopedToTheCaller(Kassa kassa) {
        Kassa.Tenant a = kassa.newTenant();
        Kassa.Tenant b = kassa.newTenant();

        ApiResponse inA = a.api().post("accounts", obj("email", "x@example.com", "name", "X", "country", "DE"), "shared");
        ApiResponse inB = b.api().post("accounts", obj("email", "y@example.com", "name", "Y", "country", "FR"), "shared");

        assertEquals(201, inA.status());
        assertEquals(201, inB.status());
        assertNull(inB.header("Idempotent-Replayed"));
    }

    @Test
    void anInvalidKeyIsRefused(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse tooLong = tenant.api().send("POST", "accounts", obj("email", "z@example.com", "name", "Z",
                "country", "DE"), Map.of("Idempotency-Key", "k".repeat(256)));

        assertEquals(422, tooLong.status());
        assertEquals("idempotency.key_invalid", tooLong.code());
        assertEquals(0, tenant.api().get("accounts").items().size());
    }

    @Test
    void operatorCallsHonourKeysToo(Kassa kassa) {
        String slug = "idem-" + System.nanoTime();
        String body = obj("slug", slug, "name", "Idem", "baseCurrency", "EUR", "defaultLocale", "en");

        ApiResponse first = kassa.operator().post("tenants", body, "tenant-" + slug);
        ApiResponse again = kassa.operator().post("tenants", body, "tenant-" + slug);

        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.string("id"), again.string("id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
    }
}
