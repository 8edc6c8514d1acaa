package dev.kassa.testkit.stripe;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON-P helpers: objects from key/value pairs, and a template with some fields replaced. */
final class JsonValues {
    private JsonValues() {
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** An ordered map from key/value pairs: {@code fields("id", id, "amount", 100L)}; values may be null. */
    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    static JsonObject object(Object... pairs) {
        return overlay(JsonValue.EMPTY_JSON_OBJECT, fields(pairs));
    }

    /** {@code template} with each of {@code fields} set (added or replaced); other fields are kept. */
    static JsonObject overlay(JsonObject template, Map<String, Object> fields) {
        JsonObjectBuilder builder = Json.createObjectBuilder(template);
        fields.forEach((key, value) -> builder.add(key, value(value)));
        return builder.build();
    }

    /** {@code template} with every field of {@code fields} set, and {@code removed} left out. */
    static JsonObject overlay(JsonObject template, JsonObject fields, String... removed) {
        JsonObjectBuilder builder = Json.createObjectBuilder(template);
        fields.forEach(builder::add);
        for (String key : removed) {
            builder.remove(key);
        }
        return builder.build();
    }

    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Long n) {
            return Json.createValue(n);
        }
        if (value instanceof Integer n) {
            return Json.createValue(n);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            map.forEach((k, v) -> builder.add(String.valueOf(k), value(v)));
            return builder.build();
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            list.forEach(item -> builder.add(value(item)));
            return builder.build();
        }
        throw new IllegalArgumentException("no JSON for " + value.getClass());
    }
}
