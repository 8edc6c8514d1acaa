package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * Money to give back through the method a payment came in with.
 *
 * @param refundId the platform's id for this refund; the idempotency key at the gateway
 * @param paymentReference the gateway's id of the original payment ({@link PaymentResult#gatewayReference()})
 * @param amount how much to give back, in the payment's currency and ISO 4217 minor units; at
 *     most what is left of it, and always an amount the method {@link PaymentMethod#accepts accepts}
 * @param reference the top-up's short reference
 * @param metadata what to attach at the gateway (tenant, account, top-up, refund)
 */
public record RefundRequest(String refundId, String paymentReference, Amount amount, String reference,
                            Map<String, String> metadata) {
    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
