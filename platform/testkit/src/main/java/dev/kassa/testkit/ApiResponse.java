package dev.kassa.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** An HTTP answer of the Kassa API, with its JSON body parsed. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
    public JsonValue json() {
        if (body == null || body.isBlank()) {
            return JsonValue.NULL;
        }
        return Json.createReader(new StringReader(body)).readValue();
    }

    public JsonObject object() {
        return json().asJsonObject();
    }

    public JsonArray items() {
        return object().getJsonArray("items");
    }

    public String string(String field) {
        return object().getString(field);
    }

    /** {@code "12.50"} of a Money field such as {@code balance}. */
    public String amount(String moneyField) {
        return object().getJsonObject(moneyField).getString("amount");
    }

    /** The problem {@code code} of an error answer. */
    public String code() {
        return object().getString("code", null);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
