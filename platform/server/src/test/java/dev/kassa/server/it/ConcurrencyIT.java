package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Money under concurrency: no overdraft, no lost update, no double credit. */
@ExtendWith(KassaExtension.class)
class ConcurrencyIT {

    @Test
    void fiftySimultaneousChargesOnAHundredLeaveExactlyZero(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        tenant.fund(account, "100.00");

        List<ApiResponse> responses = concurrently(50, i -> tenant.api().post("accounts/" + account + "/charges",
                obj("amount", money("10.00", "EUR"), "description", "charge " + i)));

        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(ApiResponse::status,
                Collectors.counting()));
        assertEquals(Map.of(201, 10L, 409, 40L), byStatus, responses::toString);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertEquals("balance.insufficient", r.code()));
        assertEquals("0.00", tenant.balance(account));
        assertEquals(11, tenant.api().get("accounts/" + account + "/transactions").items().size());
        assertBalanced(tenant);
    }

    @Test
    void oneBankTransactionReportedTwentyTimesAtOnceCreditsOnce(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String reference = tenant.api().get("accounts/" + account).string("reference");
        String body = obj("bankTransactionId", "race-1", "reference", reference, "amount", money("25.00", "EUR"));

        List<ApiResponse> responses = concurrently(20, i -> tenant.api().post("bank-transfers", body));

        assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses::toString);
        assertEquals(19, responses.stream().filter(r -> r.status() == 200).count(), responses::toString);
        assertEquals(1, responses.stream().map(r -> r.string("id")).distinct().count());
        assertEquals("25.00", tenant.balance(account));
        assertBalanced(tenant);
    }

    @Test
    void concurrentCreditsAndChargesOnOneAccountLoseNothing(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String reference = tenant.api().get("accounts/" + account).string("reference");
        tenant.fund(account, "50.00");

        List<ApiResponse> responses = concurrently(40, i -> i % 2 == 0
                ? tenant.api().post("bank-transfers", obj("bankTransactionId", "mix-" + i, "reference", reference,
                        "amount", money("1.00", "EUR")))
                : tenant.api().post("accounts/" + account + "/charges", obj("amount", money("1.00", "EUR"),
                        "description", "mix")));

        assertTrue(responses.stream().allMatch(r -> r.status() == 201), responses::toString);
        assertEquals("50.00", tenant.balance(account));
        assertBalanced(tenant);
    }

    static void assertBalanced(Kassa.Tenant tenant) {
        ApiResponse verify = tenant.api().get("ledger/verify");
        assertEquals(200, verify.status());
        assertTrue(verify.object().getBoolean("balanced"), verify::toString);
        assertEquals(0, verify.object().getJsonArray("mismatches").size());
    }

    /** Runs {@code n} calls released at the same instant and returns their answers. */
    static List<ApiResponse> concurrently(int n, Function<Integer, ApiResponse> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<ApiResponse> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<ApiResponse> out = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
