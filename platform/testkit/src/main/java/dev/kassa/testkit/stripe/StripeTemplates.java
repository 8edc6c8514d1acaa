package dev.kassa.testkit.stripe;

import dev.kassa.testkit.Fixtures;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's published example objects, shipped in the testkit (see {@link Fixtures}):
 * {@code stripe/fixtures3.json} from stripe/openapi for the API objects, and
 * {@code stripe/webhooks/*.json} (Stripe CLI events, api_version 2020-08-27) for event envelopes.
 * The fake renders every answer by replacing fields of these templates.
 */
final class StripeTemplates {
    /** The recorded events, by file name under {@code stripe/webhooks/}. */
    private static final List<String> EVENTS = List.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "payment_intent.requires_action", "setup_intent.succeeded", "charge.refunded");

    private final JsonObject resources;
    private final Map<String, JsonObject> events;

    private StripeTemplates(JsonObject resources, Map<String, JsonObject> events) {
        this.resources = resources;
        this.events = Map.copyOf(events);
    }

    /** The templates, read from the testkit's class path. */
    static StripeTemplates load() {
        JsonObject resources = JsonValues.parse(Fixtures.text("stripe/fixtures3.json")).getJsonObject("resources");
        Map<String, JsonObject> events = new HashMap<>();
        for (String name : EVENTS) {
            JsonObject event = JsonValues.parse(Fixtures.text("stripe/webhooks/" + name + ".json"));
            events.put(event.getString("type"), event);
        }
        if (!events.containsKey(StripeRenderer.ENVELOPE_TYPE)) {
            throw new IllegalStateException("no " + StripeRenderer.ENVELOPE_TYPE + " event among " + EVENTS);
        }
        return new StripeTemplates(resources, events);
    }

    /** An example object of {@code fixtures3.json}: {@code payment_intent}, {@code refund}, ... */
    JsonObject resource(String name) {
        JsonObject resource = resources.getJsonObject(name);
        if (resource == null) {
            throw new IllegalStateException("fixtures3.json has no " + name);
        }
        return resource;
    }

    /** A recorded event of this type, if the fixtures have one. */
    Optional<JsonObject> event(String type) {
        return Optional.ofNullable(events.get(type));
    }
}
