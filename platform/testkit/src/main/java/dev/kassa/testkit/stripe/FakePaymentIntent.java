package dev.kassa.testkit.stripe;

import java.util.Map;

/** A PaymentIntent in the fake: fixed at creation, then moved along by confirmations and scripts. Guarded by the fake's lock. */
final class FakePaymentIntent {
    final String id;
    final String owner;
    final String clientSecret;
    final long amount;
    final String currency;
    final String customer;
    final String description;
    final Map<String, String> metadata;
    final String setupFutureUsage;
    final boolean offSession;
    final String idempotencyKey;
    final long created;
    String status = "requires_payment_method";
    String paymentMethod;
    CardError lastError;
    String redirectUrl;
    long amountReceived;
    String chargeId;
    String cancellationReason;

    FakePaymentIntent(String id, String owner, long amount, String currency, String customer, String description,
            Map<String, String> metadata, String setupFutureUsage, boolean offSession, String idempotencyKey,
            long created) {
        this.id = id;
        this.owner = owner;
        this.clientSecret = id + "_secret_" + Ids.random(25);
        this.amount = amount;
        this.currency = currency;
        this.customer = customer;
        this.description = description;
        this.metadata = Map.copyOf(metadata);
        this.setupFutureUsage = setupFutureUsage;
        this.offSession = offSession;
        this.idempotencyKey = idempotencyKey;
        this.created = created;
    }

    PaymentIntentView view() {
        return new PaymentIntentView(id, amount, currency, status, customer, paymentMethod, offSession,
                setupFutureUsage, metadata, idempotencyKey, lastError == null ? null : lastError.code(),
                lastError == null ? null : lastError.declineCode());
    }
}
