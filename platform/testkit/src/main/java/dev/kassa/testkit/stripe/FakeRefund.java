package dev.kassa.testkit.stripe;

import java.util.Map;

/** A Refund in the fake. Guarded by the fake's lock. */
final class FakeRefund {
    final String id;
    final String owner;
    final String paymentIntent;
    final String charge;
    final long amount;
    final String currency;
    final Map<String, String> metadata;
    final String idempotencyKey;
    final long created;
    String status;
    String failureReason;

    FakeRefund(String id, String owner, String paymentIntent, String charge, long amount, String currency,
            Map<String, String> metadata, String idempotencyKey, long created, String status) {
        this.id = id;
        this.owner = owner;
        this.paymentIntent = paymentIntent;
        this.charge = charge;
        this.amount = amount;
        this.currency = currency;
        this.metadata = Map.copyOf(metadata);
        this.idempotencyKey = idempotencyKey;
        this.created = created;
        this.status = status;
    }

    RefundView view() {
        return new RefundView(id, paymentIntent, amount, currency, status, failureReason, metadata, idempotencyKey);
    }
}
