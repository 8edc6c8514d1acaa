package dev.kassa.testkit.bench;

import dev.kassa.testkit.ApiResponse;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests the benchmark sends, as one tenant: bank-transfer credits that quote an account
 * reference, and small charges. Bodies are formatted by hand so the load generator spends as
 * little of the shared CPU as it can.
 */
final class LedgerWorkload {
    /** What each account gets before the phases, so every charge finds money. */
    static final String FUNDING = "1000000.00";
    static final long FUNDING_MINOR = 100_000_000;
    /** One credit: 1.00 EUR. */
    static final long CREDIT_MINOR = 100;
    /** One charge: 0.01 EUR. */
    static final long CHARGE_MINOR = 1;

    record BenchAccount(String id, String reference) { }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    LedgerWorkload(HttpClient http, URI base, String apiKey) {
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
    }

    /** Creates {@code count} accounts with {@code parallelism} requests in flight, each funded with {@link #FUNDING}. */
    List<BenchAccount> createFundedAccounts(String tag, int count, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, count)));
        try {
            List<Future<BenchAccount>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> createFundedAccount(tag, n)));
            }
            List<BenchAccount> accounts = new ArrayList<>();
            for (Future<BenchAccount> f : futures) {
                accounts.add(f.get());
            }
            return accounts;
        } finally {
            pool.shutdownNow();
        }
    }

    private BenchAccount createFundedAccount(String tag, int n) throws IOException, InterruptedException {
        ApiResponse created = send("/api/v1/accounts", "{\"email\":\"bench-" + tag + "-" + n + "-" + runId
                + "@example.com\",\"name\":\"Bench " + tag + " " + n + "\",\"country\":\"DE\",\"locale\":\"en\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create account: " + created);
        }
        JsonObject account = created.object();
        BenchAccount a = new BenchAccount(account.getString("id"), account.getString("reference"));
        ApiResponse funded = send("/api/v1/bank-transfers", transfer("fund-" + a.id(), a.reference(), FUNDING));
        if (funded.status() != 201) {
            throw new IllegalStateException("cannot fund account: " + funded);
        }
        return a;
    }

    /** A bank transfer of 1.00 EUR with a new bank transaction id, quoting a random account's reference. */
    LoadPhase.Operation credits(String phase, List<BenchAccount> accounts) {
        return (client, seq) -> {
            BenchAccount a = pick(accounts);
            String body = transfer("bench-" + runId + "-" + phase + "-" + client + "-" + seq,
                    "Invoice 2024/" + seq + " " + a.reference(), "1.00");
            return expect(201, send("/api/v1/bank-transfers", body));
        };
    }

    /** A charge of 0.01 EUR to a random account. */
    LoadPhase.Operation charges(List<BenchAccount> accounts) {
        String body = "{\"amount\":{\"amount\":\"0.01\",\"currency\":\"EUR\"},\"description\":\"bench charge\"}";
        return (client, seq) -> expect(201, send("/api/v1/accounts/" + pick(accounts).id() + "/charges", body));
    }

    /** The account's stored balance in minor units (EUR: cents), as GET /api/v1/accounts/{id} shows it. */
    long balanceMinor(BenchAccount account) throws IOException, InterruptedException {
        ApiResponse r = get("/api/v1/accounts/" + account.id());
        if (r.status() != 200) {
            throw new IllegalStateException("cannot read account " + account.id() + ": " + r);
        }
        return new java.math.BigDecimal(r.amount("balance")).movePointRight(2).longValueExact();
    }

    ApiResponse get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(r.statusCode(), r.headers(), r.body());
    }

    private ApiResponse send(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(r.statusCode(), r.headers(), r.body());
    }

    private static String transfer(String bankTransactionId, String reference, String amount) {
        return "{\"bankTransactionId\":\"" + bankTransactionId + "\",\"reference\":\"" + reference
                + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}}";
    }

    private static BenchAccount pick(List<BenchAccount> accounts) {
        return accounts.size() == 1 ? accounts.get(0) : accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
    }

    private static String expect(int status, ApiResponse r) {
        if (r.status() == status) {
            return null;
        }
        String body = r.body() == null ? "" : r.body();
        return r.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
