package dev.kassa.plugin.stripe;

import com.stripe.model.Refund;
import dev.kassa.api.payment.RefundResult;

/**
 * Reads a Stripe Refund into a {@link RefundResult}: {@code succeeded} is SUCCEEDED;
 * {@code pending} and {@code requires_action} are PENDING (Stripe or the customer's bank still has
 * to act); {@code failed} and {@code canceled} are DECLINED with Stripe's {@code failure_reason}.
 * The platform's refund id comes back from the {@code kassa_refund} metadata.
 */
final class RefundMapping {
    private RefundMapping() {
    }

    static RefundResult map(Refund refund) {
        return outcome(refund).withRefundId(MetadataKeys.get(refund.getMetadata(), MetadataKeys.REFUND));
    }

    private static RefundResult outcome(Refund refund) {
        String id = refund.getId();
        String status = refund.getStatus() == null ? "" : refund.getStatus();
        switch (status) {
            case "succeeded":
                return RefundResult.succeeded(id);
            case "pending":
            case "requires_action":
                return RefundResult.pending(id);
            case "failed":
            case "canceled":
                String reason = refund.getFailureReason() == null ? status : refund.getFailureReason();
                return RefundResult.failed(id, reason, "The refund " + status + ": " + reason.replace('_', ' ') + ".");
            default:
                return RefundResult.unknown(id, "unexpected Refund status " + status);
        }
    }
}
