package dev.kassa.testkit.stripe;

import java.util.Map;

/** A SetupIntent in the fake. Guarded by the fake's lock. */
final class FakeSetupIntent {
    final String id;
    final String owner;
    final String clientSecret;
    final String customer;
    final String usage;
    final Map<String, String> metadata;
    final String idempotencyKey;
    final long created;
    String status = "requires_payment_method";
    String paymentMethod;
    CardError lastError;
    String redirectUrl;
    String cancellationReason;

    FakeSetupIntent(String id, String owner, String customer, String usage, Map<String, String> metadata,
            String idempotencyKey, long created) {
        this.id = id;
        this.owner = owner;
        this.clientSecret = id + "_secret_" + Ids.random(32);
        this.customer = customer;
        this.usage = usage;
        this.metadata = Map.copyOf(metadata);
        this.idempotencyKey = idempotencyKey;
        this.created = created;
    }

    SetupIntentView view() {
        return new SetupIntentView(id, customer, status, paymentMethod, metadata, idempotencyKey,
                lastError == null ? null : lastError.code());
    }
}
