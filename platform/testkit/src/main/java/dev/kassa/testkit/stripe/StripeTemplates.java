package dev.kassa.testkit.stripe;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stripe's published example objects, read at run time from the shared fixtures (never copied
 * into the repository): {@code stripe/fixtures3.json} from stripe/openapi for the API objects, and
 * {@code stripe/webhooks/*.json} (Stripe CLI events, api_version 2020-08-27) for event envelopes.
 * The fake renders every answer by replacing fields of these templates.
 */
final class StripeTemplates {
    private final JsonObject resources;
    private final Map<String, JsonObject> events;

    private StripeTemplates(JsonObject resources, Map<String, JsonObject> events) {
        this.resources = resources;
        this.events = Map.copyOf(events);
    }

    /** @param fixtures the shared fixtures directory, or its {@code stripe} sub-directory */
    static StripeTemplates load(Path fixtures) {
        Path stripe = Files.isRegularFile(fixtures.resolve("stripe/fixtures3.json")) ? fixtures.resolve("stripe") : fixtures;
        Path openapi = stripe.resolve("fixtures3.json");
        if (!Files.isRegularFile(openapi)) {
            throw new IllegalArgumentException("no Stripe fixtures (stripe/fixtures3.json) under " + fixtures);
        }
        try {
            JsonObject resources = JsonValues.parse(Files.readString(openapi, StandardCharsets.UTF_8))
                    .getJsonObject("resources");
            Map<String, JsonObject> events = new HashMap<>();
            Path webhooks = stripe.resolve("webhooks");
            if (Files.isDirectory(webhooks)) {
                try (Stream<Path> files = Files.list(webhooks)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
                        JsonObject event = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
                        events.put(event.getString("type"), event);
                    }
                }
            }
            if (!events.containsKey(StripeRenderer.ENVELOPE_TYPE)) {
                throw new IllegalArgumentException("no " + StripeRenderer.ENVELOPE_TYPE + " event under " + webhooks);
            }
            return new StripeTemplates(resources, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
