package dev.kassa.testkit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;

/** Terse JSON for request bodies: {@code Json.obj("amount", Json.money("10.00", "EUR"))}. */
public final class Json {
    private Json() {
    }

    /** An object from name/value pairs; values may be strings, numbers, booleans, null, raw JSON ({@link Raw}) or lists. */
    public static String obj(Object... pairs) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add((String) pairs[i], value(pairs[i + 1]));
        }
        return b.build().toString();
    }

    public static Raw money(String amount, String currency) {
        return new Raw(obj("amount", amount, "currency", currency));
    }

    public static Raw raw(String json) {
        return new Raw(json);
    }

    /** JSON text used as is. */
    public record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Raw raw) {
            return jakarta.json.Json.createReader(new java.io.StringReader(raw.json())).readValue();
        }
        if (v instanceof String s) {
            return jakarta.json.Json.createValue(s);
        }
        if (v instanceof Integer n) {
            return jakarta.json.Json.createValue(n);
        }
        if (v instanceof Long n) {
            return jakarta.json.Json.createValue(n);
        }
        if (v instanceof java.math.BigDecimal n) {
            return jakarta.json.Json.createValue(n);
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof java.util.Map<?, ?> map) {
            JsonObjectBuilder o = jakarta.json.Json.createObjectBuilder();
            map.forEach((k, item) -> o.add((String) k, value(item)));
            return o.build();
        }
        if (v instanceof Collection<?> list) {
            JsonArrayBuilder a = jakarta.json.Json.createArrayBuilder();
            list.forEach(item -> a.add(value(item)));
            return a.build();
        }
        throw new IllegalArgumentException("unsupported JSON value: " + v.getClass());
    }
}
