package dev.kassa.server.web;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON kept as text in a column (instructions, next actions, addresses), answered as JSON again. */
public final class JsonText {
    private JsonText() {
    }

    /** The value {@code text} holds; JSON null for no text. */
    public static JsonValue parse(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        return Json.createReader(new StringReader(text)).readValue();
    }
}
