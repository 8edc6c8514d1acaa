package dev.kassa.testkit.stripe;

import jakarta.json.JsonObject;
import java.util.Map;

/** An answer of the fake API: an HTTP status and a JSON body. */
record FakeResponse(int status, JsonObject body) {
    static FakeResponse ok(JsonObject body) {
        return new FakeResponse(200, body);
    }

    static FakeResponse invalidRequest(int status, String code, String message) {
        return new FakeResponse(status, StripeRenderer.error("invalid_request_error", code, message, Map.of()));
    }

    static FakeResponse missing(String what, String id) {
        return invalidRequest(404, "resource_missing", "No such " + what + ": '" + id + "'");
    }
}
