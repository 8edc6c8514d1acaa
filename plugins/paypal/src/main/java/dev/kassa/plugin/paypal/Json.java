package dev.kassa.plugin.paypal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Null-safe reading of PayPal's JSON: a missing member is null, never an exception. */
final class Json {
    private Json() {
    }

    static String string(JsonObject object, String... path) {
        JsonElement element = at(object, path);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    static JsonObject object(JsonObject object, String... path) {
        JsonElement element = at(object, path);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    /** The first element of an array member, as an object, else null. */
    static JsonObject first(JsonObject object, String... path) {
        JsonElement element = at(object, path);
        if (element == null || !element.isJsonArray() || element.getAsJsonArray().size() == 0) {
            return null;
        }
        JsonElement first = element.getAsJsonArray().get(0);
        return first.isJsonObject() ? first.getAsJsonObject() : null;
    }

    /** The last element of an array member, as an object, else null. */
    static JsonObject last(JsonObject object, String... path) {
        JsonElement element = at(object, path);
        if (element == null || !element.isJsonArray() || element.getAsJsonArray().size() == 0) {
            return null;
        }
        JsonArray array = element.getAsJsonArray();
        JsonElement last = array.get(array.size() - 1);
        return last.isJsonObject() ? last.getAsJsonObject() : null;
    }

    /** The {@code href} of the link with this {@code rel}, else null. */
    static String link(JsonObject object, String rel) {
        JsonElement links = object == null ? null : object.get("links");
        if (links == null || !links.isJsonArray()) {
            return null;
        }
        for (JsonElement link : links.getAsJsonArray()) {
            if (link.isJsonObject() && rel.equals(string(link.getAsJsonObject(), "rel"))) {
                return string(link.getAsJsonObject(), "href");
            }
        }
        return null;
    }

    private static JsonElement at(JsonObject object, String... path) {
        JsonElement current = object;
        for (String name : path) {
            if (current == null || !current.isJsonObject()) {
                return null;
            }
            current = current.getAsJsonObject().get(name);
            if (current != null && current.isJsonNull()) {
                return null;
            }
        }
        return current;
    }
}
