package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * What the customer must do to go on with a payment.
 *
 * @param kind what sort of action this is
 * @param redirectUrl where to send the customer's browser ({@link Kind#REDIRECT}), else null
 * @param clientSecret the secret a gateway's browser library needs ({@link Kind#CLIENT_SECRET}), else null
 * @param data anything else the client area needs to show or pass on: a publishable key, bank
 *     details for {@link Kind#INSTRUCTIONS}. Never secrets of the tenant.
 */
public record NextAction(Kind kind, String redirectUrl, String clientSecret, Map<String, String> data) {
    public enum Kind {
        /** Send the browser to {@link #redirectUrl()}. */
        REDIRECT,
        /** Finish in the browser with the gateway's library, using {@link #clientSecret()}. */
        CLIENT_SECRET,
        /** Show the customer what to do outside (a bank transfer's beneficiary, IBAN and reference). */
        INSTRUCTIONS
    }

    public NextAction {
        Objects.requireNonNull(kind, "kind");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static NextAction redirect(String url, Map<String, String> data) {
        return new NextAction(Kind.REDIRECT, Objects.requireNonNull(url, "url"), null, data);
    }

    public static NextAction clientSecret(String clientSecret, Map<String, String> data) {
        return new NextAction(Kind.CLIENT_SECRET, null, Objects.requireNonNull(clientSecret, "clientSecret"), data);
    }

    public static NextAction instructions(Map<String, String> data) {
        return new NextAction(Kind.INSTRUCTIONS, null, null, data);
    }
}
