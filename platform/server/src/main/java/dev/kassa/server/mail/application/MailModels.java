package dev.kassa.server.mail.application;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mail's model as JSON, kept in the outbox beside a mail written later ({@link MailOutbox#composeLater}),
 * each value with its type, so the template gets back exactly what the event gave: text, {@link Money},
 * {@link Instant}, {@link LocalDate}, whole numbers, booleans and nulls. A model holding anything else
 * is not written this way ({@link #write} is empty) and its mail is written at once instead.
 */
final class MailModels {
    /** Looked up once: {@code Json.create…} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private MailModels() {
    }

    /** The model as JSON; empty when a value is of a type this cannot give back as it was. */
    static Optional<String> write(Map<String, Object> model) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (Map.Entry<String, Object> e : model.entrySet()) {
            Object v = e.getValue();
            JsonObjectBuilder value = JSON.createObjectBuilder();
            if (v == null) {
                value.add("t", "null");
            } else if (v instanceof String s) {
                value.add("t", "text").add("v", s);
            } else if (v instanceof Money m) {
                value.add("t", "money").add("minor", m.minor()).add("currency", m.currency().code())
                        .add("minorUnits", m.currency().minorUnits());
            } else if (v instanceof Instant i) {
                value.add("t", "instant").add("v", i.toString());
            } else if (v instanceof LocalDate d) {
                value.add("t", "date").add("v", d.toString());
            } else if (v instanceof Long l) {
                value.add("t", "long").add("v", l);
            } else if (v instanceof Integer i) {
                value.add("t", "int").add("v", i);
            } else if (v instanceof Boolean b) {
                value.add("t", "boolean").add("v", b);
            } else {
                return Optional.empty();
            }
            out.add(e.getKey(), value);
        }
        return Optional.of(out.build().toString());
    }

    /** The model {@link #write} wrote, in its order. */
    static Map<String, Object> read(String json) {
        JsonObject in = JSON.createReader(new StringReader(json)).readObject();
        Map<String, Object> model = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : in.entrySet()) {
            JsonObject value = e.getValue().asJsonObject();
            String type = value.getString("t");
            Object v;
            switch (type) {
                case "null" -> v = null;
                case "text" -> v = value.getString("v");
                case "money" -> v = new Money(value.getJsonNumber("minor").longValueExact(),
                        new CurrencyUnit(value.getString("currency"), value.getInt("minorUnits")));
                case "instant" -> v = Instant.parse(value.getString("v"));
                case "date" -> v = LocalDate.parse(value.getString("v"));
                case "long" -> v = value.getJsonNumber("v").longValueExact();
                case "int" -> v = value.getInt("v");
                case "boolean" -> v = value.getBoolean("v");
                default -> throw new IllegalArgumentException("not a mail model value type: " + type);
            }
            model.put(e.getKey(), v);
        }
        return model;
    }
}
