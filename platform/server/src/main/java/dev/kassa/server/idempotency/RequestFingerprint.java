package dev.kassa.server.idempotency;

import dev.kassa.server.config.Secrets;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an idempotency key: method, path, query and body. A JSON
 * body is compared by content (key order and white space do not matter); anything else byte for byte.
 */
public final class RequestFingerprint {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private RequestFingerprint() {
    }

    public static String of(String method, String path, String query, byte[] body) {
        String canonicalBody = canonicalJson(body);
        String head = method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + "\n";
        if (canonicalBody != null) {
            return Secrets.sha256(head + canonicalBody);
        }
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return Secrets.sha256(all);
    }

    private static String canonicalJson(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            StringBuilder out = new StringBuilder();
            write(reader.readValue(), out);
            return out.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                out.append('{');
                boolean first = true;
                for (var entry : new TreeMap<>(object).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JSON.createValue(entry.getKey())).append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            default -> out.append(value);
        }
    }
}
