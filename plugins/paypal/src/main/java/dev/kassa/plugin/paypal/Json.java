package dev.kassa.plugin.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Null-safe reading of raw PayPal JSON (webhook deliveries, and the members the SDK's models leave
 * out) with the SDK's Jackson: a missing member is null, never an exception.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The JSON object in {@code text}, else null (blank, not JSON, or not an object). */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String string(JsonNode object, String... path) {
        JsonNode node = at(object, path);
        return node != null && node.isValueNode() ? node.asText() : null;
    }

    /** The first element of an array member, as an object, else null. */
    static JsonNode first(JsonNode object, String... path) {
        JsonNode node = at(object, path);
        if (node == null || !node.isArray() || node.size() == 0) {
            return null;
        }
        return node.get(0).isObject() ? node.get(0) : null;
    }

    static JsonNode object(JsonNode object, String... path) {
        JsonNode node = at(object, path);
        return node != null && node.isObject() ? node : null;
    }

    private static JsonNode at(JsonNode object, String... path) {
        JsonNode current = object;
        for (String name : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
            if (current != null && current.isNull()) {
                return null;
            }
        }
        return current;
    }
}
