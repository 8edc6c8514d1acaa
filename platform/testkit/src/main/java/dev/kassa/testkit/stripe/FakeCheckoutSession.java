package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * A Checkout Session in the fake: Stripe's hosted payment page, in payment or setup mode. Its
 * PaymentIntent (or SetupIntent) is made when the customer first submits the page, as Stripe does.
 * Guarded by the fake's lock.
 */
final class FakeCheckoutSession {
    final String id;
    final String owner;
    final String mode;
    final String customer;
    final String clientReferenceId;
    final long amount;
    final String currency;
    final String productName;
    final Map<String, String> metadata;
    /** {@code payment_intent_data[metadata]} or {@code setup_intent_data[metadata]}. */
    final Map<String, String> intentMetadata;
    final String setupFutureUsage;
    final String description;
    final String successUrl;
    final String cancelUrl;
    final String locale;
    final String url;
    final String idempotencyKey;
    final long created;
    final long expiresAt;
    String status = "open";
    String paymentStatus;
    String paymentIntent;
    String setupIntent;

    FakeCheckoutSession(String id, String owner, String mode, String customer, String clientReferenceId, long amount,
            String currency, String productName, Map<String, String> metadata, Map<String, String> intentMetadata,
            String setupFutureUsage, String description, String successUrl, String cancelUrl, String locale,
            String url, String idempotencyKey, long created) {
        this.id = id;
        this.owner = owner;
        this.mode = mode;
        this.customer = customer;
        this.clientReferenceId = clientReferenceId;
        this.amount = amount;
        this.currency = currency;
        this.productName = productName;
        this.metadata = Map.copyOf(metadata);
        this.intentMetadata = Map.copyOf(intentMetadata);
        this.setupFutureUsage = setupFutureUsage;
        this.description = description;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.locale = locale;
        this.url = url;
        this.idempotencyKey = idempotencyKey;
        this.created = created;
        this.expiresAt = created + 24 * 3600;
        this.paymentStatus = "setup".equals(mode) ? "no_payment_required" : "unpaid";
    }

    boolean isSetup() {
        return "setup".equals(mode);
    }

    CheckoutSessionView view() {
        return new CheckoutSessionView(id, mode, status, paymentStatus, amount, currency, customer, clientReferenceId,
                metadata, intentMetadata, setupFutureUsage, successUrl, cancelUrl, url, paymentIntent, setupIntent,
                idempotencyKey);
    }
}
