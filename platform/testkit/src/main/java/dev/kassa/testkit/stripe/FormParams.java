package dev.kassa.testkit.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one Stripe API request, as stripe-java encodes them: form fields in the body
 * of a POST and in the query string of a GET, nested keys flattened ({@code metadata[kassa_attempt]},
 * {@code automatic_payment_methods[enabled]}, {@code expand[0]}).
 */
final class FormParams {
    private final Map<String, String> values;

    private FormParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static FormParams parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return new FormParams(values);
    }

    String get(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    boolean isTrue(String key) {
        return "true".equals(values.get(key));
    }

    Long getLong(String key) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code metadata[a]=1&metadata[b]=2} as {@code {a=1, b=2}}, in order. */
    Map<String, String> nested(String name) {
        Map<String, String> nested = new LinkedHashMap<>();
        String prefix = name + "[";
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith("]")) {
                nested.put(key.substring(prefix.length(), key.length() - 1), value);
            }
        });
        return nested;
    }

    /**
     * The map at a path of nested keys: {@code nestedAt("payment_intent_data", "metadata")} reads
     * {@code payment_intent_data[metadata][a]=1} as {@code {a=1}}; {@code nestedAt("line_items", "0")}
     * reads the first line's direct fields ({@code line_items[0][quantity]}), not deeper ones.
     */
    Map<String, String> nestedAt(String first, String... more) {
        StringBuilder prefix = new StringBuilder(first);
        for (String name : more) {
            prefix.append('[').append(name).append(']');
        }
        prefix.append('[');
        Map<String, String> nested = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix.toString()) && key.endsWith("]")) {
                String inner = key.substring(prefix.length(), key.length() - 1);
                if (!inner.contains("[")) {
                    nested.put(inner, value);
                }
            }
        });
        return nested;
    }

    /** Whether {@code expand[]} names {@code field}. */
    boolean expands(String field) {
        return values.entrySet().stream()
                .anyMatch(e -> (e.getKey().equals("expand") || e.getKey().startsWith("expand[")) && field.equals(e.getValue()));
    }

    /** The parameters in a stable order, for telling whether a replayed idempotency key comes with the same request. */
    String fingerprint() {
        return new TreeMap<>(values).toString();
    }
}
