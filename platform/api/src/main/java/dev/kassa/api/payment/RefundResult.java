package dev.kassa.api.payment;

import java.util.Objects;

/**
 * Where a refund stands.
 *
 * @param outcome {@link Outcome#SUCCEEDED}: sent back; {@link Outcome#PENDING}: under way (or
 *     waiting for the tenant to send it by hand); {@link Outcome#DECLINED}: failed, the money stays
 *     with us; {@link Outcome#UNKNOWN}: ask again. Never {@link Outcome#ACTION_REQUIRED}.
 * @param gatewayReference the gateway's id of the refund, else null
 * @param refundId the platform's refund id, when the gateway told us (metadata); else null
 * @param reasonCode the gateway's failure code, else null
 * @param reason the gateway's failure message, else null
 */
public record RefundResult(Outcome outcome, String gatewayReference, String refundId, String reasonCode,
                           String reason) {
    public RefundResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.ACTION_REQUIRED) {
            throw new IllegalArgumentException("a refund never waits for the customer");
        }
    }

    public static RefundResult succeeded(String gatewayReference) {
        return new RefundResult(Outcome.SUCCEEDED, gatewayReference, null, null, null);
    }

    public static RefundResult pending(String gatewayReference) {
        return new RefundResult(Outcome.PENDING, gatewayReference, null, null, null);
    }

    public static RefundResult failed(String gatewayReference, String reasonCode, String reason) {
        return new RefundResult(Outcome.DECLINED, gatewayReference, null, reasonCode, reason);
    }

    public static RefundResult unknown(String gatewayReference, String reason) {
        return new RefundResult(Outcome.UNKNOWN, gatewayReference, null, null, reason);
    }

    public RefundResult withRefundId(String id) {
        return new RefundResult(outcome, gatewayReference, id, reasonCode, reason);
    }
}
