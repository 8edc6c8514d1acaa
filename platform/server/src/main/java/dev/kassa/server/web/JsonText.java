package dev.kassa.server.web;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** JSON kept as text in a column (instructions, next actions, addresses), answered as JSON again. */
public final class JsonText {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    /** The value {@code text} holds; JSON null for no text. */
    public static JsonValue parse(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        return JSON.createReader(new StringReader(text)).readValue();
    }
}
