package dev.kassa.server.payment.application;

import dev.kassa.api.payment.NextAction;
import dev.kassa.server.shared.CreditorReferences;
import dev.kassa.server.shared.Money;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Locale;
import java.util.TreeMap;

/** What the customer must do next, stored and shown as a JSON object. */
public final class NextActions {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private NextActions() {
    }

    /**
     * {@code {"type": "redirect", "redirectUrl": ...}}, {@code {"type": "client_secret",
     * "clientSecret": ...}} or {@code {"type": "instructions"}}, each with the method's extra data
     * (such as {@code publishableKey}); null for no action.
     */
    public static String toJson(NextAction action) {
        if (action == null) {
            return null;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("type", action.kind().name().toLowerCase(Locale.ROOT));
        if (action.redirectUrl() != null) {
            json.add("redirectUrl", action.redirectUrl());
        }
        if (action.clientSecret() != null) {
            json.add("clientSecret", action.clientSecret());
        }
        new TreeMap<>(action.data()).forEach((k, v) -> {
            if (!k.equals("type")) {
                json.add(k, v);
            }
        });
        return json.build().toString();
    }

    /**
     * A bank-transfer style action as the top-up's instructions: the method's data (its own
     * {@code type}, such as {@code bank_transfer}) plus the reference to quote and the amount.
     */
    public static String instructions(NextAction action, String reference, Money amount) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        json.add("type", action.data().getOrDefault("type", "instructions"));
        new TreeMap<>(action.data()).forEach((k, v) -> {
            if (!k.equals("type")) {
                json.add(k, v);
            }
        });
        json.add("reference", reference);
        if ("bank_transfer".equals(action.data().get("type"))) {
            // For banking apps with a creditor-reference field: it reaches us untouched, and matches first.
            CreditorReferences.forReference(reference).ifPresent(rf -> json.add("creditorReference", rf));
        }
        json.add("amount", JSON.createObjectBuilder().add("amount", amount.amountString())
                .add("currency", amount.currency().code()));
        return json.build().toString();
    }
}
