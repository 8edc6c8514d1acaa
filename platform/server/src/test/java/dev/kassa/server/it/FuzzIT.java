package dev.kassa.server.it;

import static dev.kassa.server.it.FuzzRequests.map;
import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends generated requests to every POST, PUT and PATCH endpoint of the API: a valid body with one
 * thing broken (a field of the wrong type, null, huge, negative, with an exponent, odd Unicode,
 * too long; a field too many or too few), or a broken body (random bytes, cut short, nested deep,
 * of another content type). Whatever it sends, the server answers no 5xx, every 4xx is a problem
 * document with a code, no answer shows internals, and the ledger stays balanced.
 *
 * <p>The generator has a fixed seed, printed at the start; {@code -Dkassa.fuzz.seed=N} runs another.
 */
@ExtendWith(KassaExtension.class)
class FuzzIT {
    private static final long DEFAULT_SEED = 20261202L;
    private static final int REQUESTS_PER_ENDPOINT = 25;
    /**
     * What no answer may show: exception and class names, SQL, stack frames. {@code SQL} only at the
     * start of a word: a gateway's random id ({@code seti_…aSQLb…}) is not a leak.
     */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bSQL|org\\.|java\\.|jakarta\\.|dev\\.kassa|\\bat [\\w$]+\\.[\\w$.]+\\(|\\.java:\\d+");

    private FuzzRequests requests;
    private int sent;
    private final List<String> failures = new ArrayList<>();

    @Test
    void generatedRequestsNeverFaultTheServer(Kassa kassa) {
        long seed = Long.getLong("kassa.fuzz.seed", DEFAULT_SEED);
        System.out.println("FuzzIT seed " + seed + " (run again with -Dkassa.fuzz.seed=" + seed + ")");
        requests = new FuzzRequests(new Random(seed));
        List<Endpoint> endpoints = endpoints(kassa);

        long start = System.nanoTime();
        Map<String, Long> millisByEndpoint = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            long endpointStart = System.nanoTime();
            for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                send(endpoint, requests.generate(endpoint.method(), endpoint.template()));
            }
            millisByEndpoint.put(endpoint.method() + " " + endpoint.path(),
                    (System.nanoTime() - endpointStart) / 1_000_000);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("FuzzIT sent " + sent + " requests to " + endpoints.size() + " endpoints in " + millis
                + " ms; " + failures.size() + " failures; slowest: " + millisByEndpoint.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").toList());

        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertTrue(sent >= 500, "sent " + sent);
        assertBalanced(tenant.api().get("ledger/verify"));
        assertBalanced(kassa.operator().get("operator/ledger/verify"));
    }

    // ---- the endpoints, with a valid body each and path ids of a fresh tenant ----

    private Kassa.Tenant tenant;

    private List<Endpoint> endpoints(Kassa kassa) {
        tenant = kassa.newTenant();
        ApiClient api = tenant.api();
        ok(api.put("payment-methods/stripe-card", obj("enabled", true, "countries", List.of("*"), "credentials",
                Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'), "publishableKey",
                        StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET))));
        String account = tenant.newAccount();
        tenant.fund(account, "1000.00");
        String payer = id(api.post("accounts/" + account + "/payers",
                obj("type", "PERSON", "name", "Fuzz Payer", "country", "DE")));
        String newTopUp = id(api.post("accounts/" + account + "/top-ups",
                obj("amount", money("10.00", "EUR"), "method", "bank-transfer")));
        ApiResponse paid = api.post("accounts/" + account + "/top-ups",
                obj("amount", money("500.00", "EUR"), "method", "bank-transfer"));
        ok(api.post("bank-transfers", obj("bankTransactionId", "fuzz-paid", "reference", paid.string("reference"),
                "amount", money("500.00", "EUR"))));
        String paidTopUp = id(paid);
        String refund = id(api.post("top-ups/" + paidTopUp + "/refunds", obj("amount", money("1.00", "EUR"))));
        String unmatched = id(api.post("bank-transfers", obj("bankTransactionId", "fuzz-unmatched", "reference",
                "no reference here", "amount", money("5.00", "EUR"))));
        String saved = id(api.post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer)));
        ApiClient operator = kassa.operator();

        Map<String, Object> amount = map("amount", "0.01", "currency", "EUR");
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(json(operator, "POST", "tenants", () -> map("slug", "fz-" + requests.suffix(),
                "name", "Fuzz Hosting", "baseCurrency", "EUR", "defaultLocale", "en")));
        endpoints.add(new Endpoint(operator, "POST", "operator/exchange-rates", null));
        endpoints.add(json(operator, "POST", "tenants/" + tenant.id() + "/api-keys", () -> map()));
        endpoints.add(json(api, "PUT", "settings/top-up", () -> map("minimum", map("amount", "0.50", "currency", "EUR"),
                "maximum", map("amount", "15000.00", "currency", "EUR"),
                "presets", new ArrayList<>(List.of(map("amount", "100.00", "currency", "EUR"))))));
        endpoints.add(json(api, "PUT", "settings/currencies", () -> map("base", "EUR",
                "enabled", new ArrayList<>(List.of("EUR", "USD")), "markupBasisPoints", 50)));
        endpoints.add(json(api, "PUT", "payment-methods/bank-transfer", () -> map("enabled", true,
                "countries", new ArrayList<>(List.of("*")), "credentials", map("beneficiary", "Fuzz Hosting GmbH",
                        "iban", "DE89370400440532013000", "bic", "COBADEFFXXX"))));
        endpoints.add(json(api, "PUT", "payment-methods/stripe-card", () -> map("enabled", true,
                "countries", new ArrayList<>(List.of("DE", "AT")), "credentials", map("publishableKey",
                        StripeFake.PUBLISHABLE_KEY))));
        endpoints.add(json(api, "PUT", "themes/french", () -> map("enabled", true,
                "countries", new ArrayList<>(List.of("FR", "BE")))));
        endpoints.add(json(api, "PUT", "settings/texts/fr", () -> map("nav.payers", "Clients",
                "signIn.heading", "Bienvenue", "mail.greeting", "Bonjour {0},")));
        endpoints.add(json(api, "POST", "accounts", () -> map("email", "fz-" + requests.suffix() + "@example.com",
                "name", "Fuzz Customer", "country", "DE", "locale", "en", "currency", "EUR")));
        endpoints.add(json(api, "PATCH", "accounts/" + account, () -> map("currency", "EUR")));
        endpoints.add(json(api, "POST", "accounts/" + account + "/payers", () -> map("type", "COMPANY",
                "name", "Fuzz GmbH", "country", "DE", "vatId", "DE123456789",
                "address", map("line1", "Hauptstr. 1", "city", "Berlin"))));
        endpoints.add(json(api, "POST", "accounts/" + account + "/top-ups", () -> map("amount",
                map("amount", "20.00", "currency", "EUR"), "method", "bank-transfer", "payerId", payer,
                "saveMethod", false, "offSession", false)));
        endpoints.add(json(api, "POST", "accounts/" + account + "/saved-methods", () -> map("method", "stripe-card",
                "payerId", payer)));
        endpoints.add(json(api, "POST", "accounts/" + account + "/charges", () -> map("amount", copy(amount),
                "description", "Fuzz charge")));
        endpoints.add(json(api, "POST", "accounts/" + account + "/adjustments", () -> map("amount", copy(amount),
                "direction", "CREDIT", "reason", "Fuzz adjustment")));
        endpoints.add(json(api, "POST", "bank-transfers", () -> map("bankTransactionId", "fz-" + requests.suffix(),
                "reference", "nothing to match", "amount", map("amount", "1.00", "currency", "EUR"),
                "payerName", "Fuzz Payer", "receivedAt", "2026-01-31T10:15:00Z")));
        endpoints.add(json(api, "POST", "bank-transfers/" + unmatched + "/assign", () -> map("accountId", account)));
        endpoints.add(json(api, "POST", "quotes", () -> map("from", map("amount", "10.00", "currency", "USD"),
                "to", "EUR", "accountId", account)));
        endpoints.add(json(api, "POST", "top-ups/" + paidTopUp + "/refunds", () -> map("amount", copy(amount),
                "reason", "Fuzz refund")));
        endpoints.add(json(api, "POST", "top-ups/" + newTopUp + "/cancel", () -> map()));
        endpoints.add(json(api, "POST", "refunds/" + refund + "/failed", () -> map("reason", "Account closed")));
        endpoints.add(json(api, "POST", "refunds/" + refund + "/sent", () -> map()));
        endpoints.add(json(api, "POST", "saved-methods/" + saved + "/default", () -> map()));
        // Not here: POST operator/plugins/reload, which takes no body and reloads every plugin of the
        // server that the other tests share.
        return endpoints;
    }

    /** A {@code template} of null stands for the rates upload, which takes an XML document. */
    private record Endpoint(ApiClient client, String method, String path, Supplier<Map<String, Object>> template) {
    }

    private static Endpoint json(ApiClient client, String method, String path, Supplier<Map<String, Object>> body) {
        return new Endpoint(client, method, path, body);
    }

    // ---- sending and judging ----

    private void send(Endpoint endpoint, FuzzRequests.Request request) {
        HttpRequest.BodyPublisher body = request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        ApiResponse response;
        try {
            response = endpoint.client().sendBody(endpoint.method(), endpoint.path(), body, request.headers());
        } catch (RuntimeException e) {
            failures.add(describe(endpoint, request) + " -> no answer: " + e);
            return;
        } finally {
            sent++;
        }
        String problem = judge(response);
        if (problem != null) {
            failures.add(describe(endpoint, request) + " -> " + problem + ": "
                    + FuzzRequests.abbreviate(response.toString()));
        }
    }

    private static String judge(ApiResponse response) {
        if (response.status() >= 500) {
            return "a server error";
        }
        if (INTERNALS.matcher(response.body()).find()) {
            return "internals in the answer";
        }
        if (response.status() < 400) {
            return null;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not a problem document";
        }
        try {
            JsonObject problem = response.object();
            if (!(problem.get("code") instanceof JsonString code) || code.getString().isBlank()
                    || problem.getInt("status") != response.status()) {
                return "a problem without code or status";
            }
        } catch (RuntimeException e) {
            return "a problem that is not a JSON object";
        }
        return null;
    }

    private static String describe(Endpoint endpoint, FuzzRequests.Request request) {
        return endpoint.method() + " " + endpoint.path() + " [" + request.what() + "]"
                + (request.chunked() ? " chunked" : "") + " " + request.headers();
    }

    private static void assertBalanced(ApiResponse verify) {
        assertEquals(200, verify.status(), verify::toString);
        assertTrue(verify.object().getBoolean("balanced"), verify::toString);
    }

    // ---- helpers ----

    private static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }

    private static String id(ApiResponse response) {
        ok(response);
        return response.string("id");
    }

    private static ApiResponse ok(ApiResponse response) {
        assertTrue(response.status() == 200 || response.status() == 201, response::toString);
        return response;
    }
}
