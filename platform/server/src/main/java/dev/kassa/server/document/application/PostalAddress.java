package dev.kassa.server.document.application;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A payer's billing address, as the API took it (a JSON string, or an object of strings), made into
 * lines to print: a string's own lines; an object's values in its order, the postal code and the
 * city on one line when both are there.
 */
final class PostalAddress {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_LINES = 6;

    private PostalAddress() {
    }

    static List<String> lines(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonValue value;
        try {
            value = JSON.createReader(new StringReader(json)).readValue();
        } catch (JsonParsingException e) {
            return split(json);
        } catch (JsonException e) {
            return List.of();
        }
        if (value instanceof JsonString s) {
            return split(s.getString());
        }
        if (!(value instanceof JsonObject o)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        String postalCode = text(o, "postalCode");
        String city = text(o, "city");
        for (String key : o.keySet()) {
            if (key.equals("country") || key.equals("postalCode") || key.equals("city")) {
                continue;
            }
            String v = text(o, key);
            if (v != null) {
                lines.add(v);
            }
        }
        String place = String.join(" ", List.of(postalCode == null ? "" : postalCode, city == null ? "" : city)).strip();
        if (!place.isEmpty()) {
            lines.add(place);
        }
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s && !s.getString().isBlank() ? s.getString().strip() : null;
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && lines.size() < MAX_LINES) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
