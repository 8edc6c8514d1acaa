package dev.kassa.api.payment;

import java.util.Objects;

/**
 * A verified gateway event, read into what it says about one payment, set-up, refund or reversal.
 *
 * @param id the gateway's event id; the platform applies each id once per tenant and plugin
 * @param type the gateway's event type, such as {@code "payment_intent.succeeded"}
 * @param payment what it says about a payment, else null
 * @param setup what it says about saving a method, else null
 * @param refund what it says about a refund, else null
 * @param reversal money taken back from a succeeded payment (a chargeback), else null
 */
public record WebhookEvent(String id, String type, PaymentResult payment, SetupResult setup, RefundResult refund,
                           Reversal reversal) {
    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        int subjects = (payment == null ? 0 : 1) + (setup == null ? 0 : 1) + (refund == null ? 0 : 1)
                + (reversal == null ? 0 : 1);
        if (subjects > 1) {
            throw new IllegalArgumentException("an event is about one payment, set-up, refund or reversal");
        }
    }

    /** An event about a payment, set-up or refund (the form before reversals existed). */
    public WebhookEvent(String id, String type, PaymentResult payment, SetupResult setup, RefundResult refund) {
        this(id, type, payment, setup, refund, null);
    }

    public static WebhookEvent ignored(String id, String type) {
        return new WebhookEvent(id, type, null, null, null);
    }

    public static WebhookEvent payment(String id, String type, PaymentResult payment) {
        return new WebhookEvent(id, type, Objects.requireNonNull(payment, "payment"), null, null);
    }

    public static WebhookEvent setup(String id, String type, SetupResult setup) {
        return new WebhookEvent(id, type, null, Objects.requireNonNull(setup, "setup"), null);
    }

    public static WebhookEvent refund(String id, String type, RefundResult refund) {
        return new WebhookEvent(id, type, null, null, Objects.requireNonNull(refund, "refund"));
    }

    public static WebhookEvent reversal(String id, String type, Reversal reversal) {
        return new WebhookEvent(id, type, null, null, null, Objects.requireNonNull(reversal, "reversal"));
    }
}
