package dev.kassa.server.it;

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
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
    /** What no answer may show: exception and class names, SQL, stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|SQL|org\\.|java\\.|jakarta\\.|dev\\.kassa|\\bat [\\w$]+\\.[\\w$.]+\\(|\\.java:\\d+");

    private Random random;
    private int sent;
    private final List<String> failures = new ArrayList<>();

    @Test
    void generatedRequestsNeverFaultTheServer(Kassa kassa) {
        long seed = Long.getLong("kassa.fuzz.seed", DEFAULT_SEED);
        System.out.println("FuzzIT seed " + seed + " (run again with -Dkassa.fuzz.seed=" + seed + ")");
        random = new Random(seed);
        List<Endpoint> endpoints = endpoints(kassa);

        long start = System.nanoTime();
        Map<String, Long> millisByEndpoint = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            long endpointStart = System.nanoTime();
            for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                send(endpoint, generate(endpoint));
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
        endpoints.add(json(operator, "POST", "tenants", () -> map("slug", "fz-" + suffix(), "name", "Fuzz Hosting",
                "baseCurrency", "EUR", "defaultLocale", "en")));
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
        endpoints.add(json(api, "POST", "accounts", () -> map("email", "fz-" + suffix() + "@example.com",
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
        endpoints.add(json(api, "POST", "bank-transfers", () -> map("bankTransactionId", "fz-" + suffix(),
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

    private record Endpoint(ApiClient client, String method, String path, Supplier<Map<String, Object>> template) {
        boolean isXml() {
            return template == null;
        }
    }

    private static Endpoint json(ApiClient client, String method, String path, Supplier<Map<String, Object>> body) {
        return new Endpoint(client, method, path, body);
    }

    private String suffix() {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    // ---- generation ----

    private record Request(String what, byte[] body, boolean chunked, Map<String, String> headers) {
    }

    private Request generate(Endpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", endpoint.isXml() ? "application/xml" : "application/json");
        if (endpoint.method().equals("POST") && random.nextInt(8) == 0) {
            headers.put("Idempotency-Key", pick("fuzz-" + suffix(), "fuzz-" + suffix(), "k".repeat(256), "x y"));
        }
        String valid = endpoint.isXml() ? ratesDocument(pick("1.1097", "162.17")) : write(endpoint.template().get());
        int kind = random.nextInt(100);
        if (kind < 65) {
            String what;
            String body;
            if (endpoint.isXml()) {
                String rate = random.nextBoolean() ? pick(NUMBERS) : pick(strings());
                what = "rate " + abbreviate(rate);
                body = ratesDocument(rate.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"));
            } else {
                Map<String, Object> tree = endpoint.template().get();
                what = mutateField(tree);
                body = write(tree);
            }
            return new Request(what, utf8(body), random.nextInt(10) == 0, headers);
        }
        byte[] bytes = utf8(valid);
        return switch (kind % 13) {
            case 0 -> new Request("random bytes", randomBytes(random.nextInt(300)), false, headers);
            case 1 -> new Request("cut short",
                    java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length))), false, headers);
            case 2 -> {
                String type = pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=utf-16",
                        "application/merge-patch+json", "text/json", "*/*", "garbage",
                        "application/json; charset=nope");
                headers.put("Content-Type", type);
                yield new Request("content type " + type, bytes, false, headers);
            }
            case 3 -> {
                headers.remove("Content-Type");
                yield new Request("no content type", bytes, false, headers);
            }
            case 4 -> new Request("empty body", new byte[0], false, headers);
            case 5 -> {
                int depth = pick(65, 1000, 20_000);
                yield new Request(depth + " nested", utf8(random.nextBoolean() ? "[".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)), false, headers);
            }
            case 6 -> {
                String top = pick("[]", "null", "\"text\"", "42", "true", "[{}]", "{}", "{\"\":{}}");
                yield new Request("top level " + top, utf8(top), false, headers);
            }
            case 7 -> new Request("bad UTF-8 in a string", invalidUtf8(bytes), false, headers);
            case 8 -> new Request("byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes),
                    false, headers);
            case 9 -> new Request("UTF-16", valid.getBytes(StandardCharsets.UTF_16), false, headers);
            case 10 -> new Request("duplicate first member", utf8(duplicateFirstMember(valid)), false, headers);
            case 11 -> random.nextInt(4) == 0
                    ? new Request("over the body limit", utf8(valid + " ".repeat((1 << 20) + 1)), random.nextBoolean(),
                            headers)
                    : new Request("valid, chunked", bytes, true, headers);
            default -> new Request("trailing garbage", utf8(valid + pick("x", "}", "]", "{}", "\u0000", "//")), false,
                    headers);
        };
    }

    /** Breaks one field of {@code tree}, or adds or removes one; says what it did. */
    private String mutateField(Map<String, Object> tree) {
        List<List<Object>> paths = new ArrayList<>();
        collect(tree, new ArrayList<>(), paths);
        if (paths.isEmpty() || random.nextInt(10) == 0) {
            String name = pick("extra", "", "__proto__", "amount", "tenantId", "id", "a".repeat(300), "\u0000",
                    "\ud800", "x".repeat(20_000));
            Object value = anyValue();
            tree.put(name, value);
            return "extra member " + abbreviate(name) + " = " + abbreviate(String.valueOf(value));
        }
        List<Object> path = paths.get(random.nextInt(paths.size()));
        Object parent = tree;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof String name ? ((Map<?, ?>) parent).get(name)
                    : ((List<?>) parent).get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (random.nextInt(6) == 0) {
            remove(parent, last);
            return "without " + path;
        }
        Object value = anyValue();
        set(parent, last, value);
        return path + " = " + abbreviate(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Object> prefix, List<List<Object>> paths) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(key);
                paths.add(path);
                collect(map.get(key), path, paths);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                collect(list.get(i), path, paths);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, Object key, Object value) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(key, value);
        } else {
            ((List<Object>) parent).set((Integer) key, value);
        }
    }

    private static void remove(Object parent, Object key) {
        if (parent instanceof Map<?, ?> map) {
            map.remove(key);
        } else {
            ((List<?>) parent).remove((int) (Integer) key);
        }
    }

    private static final String[] NUMBERS = {"0", "-0", "-1", "1e309", "-1e309", "1e999999999", "1E-999999999",
        "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809", "1.0000000000000000001",
        "0.1e-400", "123456789012345678", "1e3", "12.5", "500", "501", "-500", "2147483648", "1" + "0".repeat(2000)};

    private String[] strings() {
        return new String[] {"", " ", "\t\n", "-1.00", "0", "0.00", "1.0000000000000000001", "1e999999999", "1E3",
            "NaN", "Infinity", "-Infinity", "1,00", "\uff11\uff12", "99999999999999999", "0x10", "1.", ".5", "+1",
            "\ud800", "\udc00x", "a\ud83d", "\u0000", "a\u0000b", "\u202eevil", "\u200b", "\ufeff", "\u2028\u2029",
            "\ud83d\ude00 emoji", "e\u0301", "\u0661\u0662", "Ω≈ç√∫", "<script>alert(1)</script>",
            "'; drop table x; --",
            "%00", "../../etc/passwd", "${jndi:ldap://x/a}", "EUR", "eur", "XXX", "XAU", "DEM", "*", "de", "DE",
            "PERSON", "COMPANY", "CREDIT", "DEBIT", "bank-transfer", "stripe-card", "acc_nope", "pyr_nope",
            "2026-02-30T00:00:00Z", "9999-99-99", "fz@example.com", "x".repeat(64), "x".repeat(201),
            "x".repeat(501), "x".repeat(2001), "x".repeat(10_001), "x".repeat(100_000), "\u00e9".repeat(5000),
            "\ud83d\ude00".repeat(3000), " x".repeat(3000)};
    }

    private Object anyValue() {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> new RawJson(pick(NUMBERS));
            case 2 -> random.nextBoolean();
            case 3 -> new ArrayList<>(List.of(pick(strings()), new RawJson(pick(NUMBERS))));
            case 4 -> map("amount", random.nextBoolean() ? pick(strings()) : new RawJson(pick(NUMBERS)),
                    "currency", pick(strings()));
            case 5 -> random.nextBoolean() ? map() : new ArrayList<>();
            default -> pick(strings());
        };
    }

    private static String ratesDocument(String rate) {
        // A date to come: importing it (a mutation may leave the document valid) changes no rate in force.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Envelope><Cube><Cube time=\"2099-12-31\">"
                + "<Cube currency=\"USD\" rate=\"" + rate + "\"/><Cube currency=\"JPY\" rate=\"162.17\"/>"
                + "</Cube></Cube></Envelope>";
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] invalidUtf8(byte[] body) {
        int quote = new String(body, StandardCharsets.ISO_8859_1).indexOf("\":\"");
        int at = quote < 0 ? body.length / 2 : quote + 3;
        byte[] bad = pick(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED,
            (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(bad, 0, bad.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static String duplicateFirstMember(String json) {
        int colon = json.indexOf(':');
        int end = json.indexOf(',');
        if (!json.startsWith("{") || colon < 0 || end < colon) {
            return json + json;
        }
        return "{" + json.substring(1, end) + "," + json.substring(1);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    // ---- sending and judging ----

    private void send(Endpoint endpoint, Request request) {
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
            failures.add(describe(endpoint, request) + " -> " + problem + ": " + abbreviate(response.toString()));
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

    private static String describe(Endpoint endpoint, Request request) {
        return endpoint.method() + " " + endpoint.path() + " [" + request.what() + "]"
                + (request.chunked() ? " chunked" : "") + " " + request.headers();
    }

    private static void assertBalanced(ApiResponse verify) {
        assertEquals(200, verify.status(), verify::toString);
        assertTrue(verify.object().getBoolean("balanced"), verify::toString);
    }

    // ---- a small JSON writer that can send what a JSON library would not: lone surrogates, raw numbers ----

    private record RawJson(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append('"');
            boolean lone = hasLoneSurrogate(text);
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || lone && Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            out.append(value); // numbers, booleans
        }
    }

    /** A lone surrogate has no UTF-8 form: it is sent as a JSON escape, the way a client can send it. */
    private static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }

    // ---- helpers ----

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 160 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
        return shown.replace("\u0000", "\\0");
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
