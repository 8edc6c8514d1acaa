package dev.kassa.server.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The requests {@link FuzzIT} sends: a valid body with one field broken, a field added or left out,
 * or a broken body, all drawn from one seeded {@link Random}.
 */
final class FuzzRequests {
    private final Random random;

    FuzzRequests(Random random) {
        this.random = random;
    }

    /** A random suffix for names that must be unique, such as slugs. */
    String suffix() {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    /** What to send, and a word on what is wrong with it. */
    record Request(String what, byte[] body, boolean chunked, Map<String, String> headers) {
    }

    /**
     * A request for an endpoint taking {@code method}: the body {@code template} makes (a JSON object
     * tree of maps, lists, strings, numbers, booleans and nulls), or a rates document when it is null,
     * with one thing broken.
     */
    Request generate(String method, Supplier<Map<String, Object>> template) {
        boolean xml = template == null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", xml ? "application/xml" : "application/json");
        if (method.equals("POST") && random.nextInt(8) == 0) {
            headers.put("Idempotency-Key", pick("fuzz-" + suffix(), "fuzz-" + suffix(), "k".repeat(256), "x y"));
        }
        String valid = xml ? ratesDocument(pick("1.1097", "162.17")) : write(template.get());
        int kind = random.nextInt(100);
        if (kind < 65) {
            String what;
            String body;
            if (xml) {
                String rate = random.nextBoolean() ? pick(NUMBERS) : pick(strings());
                what = "rate " + abbreviate(rate);
                body = ratesDocument(rate.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"));
            } else {
                Map<String, Object> tree = template.get();
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

    // ---- a small JSON writer that can send what a JSON library would not: lone surrogates, raw numbers ----

    /** JSON text written as it is, such as a number no Java type holds. */
    record RawJson(String text) {
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

    /** A JSON object tree of {@code name, value} pairs, in order. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static String abbreviate(String text) {
        String shown = text.length() > 160 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
        return shown.replace("\u0000", "\\0");
    }
}
