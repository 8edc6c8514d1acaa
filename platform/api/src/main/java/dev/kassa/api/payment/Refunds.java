package dev.kassa.api.payment;

import java.util.Optional;

/** A method that can give money back to where a payment came from. */
public interface Refunds {

    /** Starts a refund; send {@link RefundRequest#refundId()} as the gateway's idempotency key. */
    RefundResult refund(MethodContext context, RefundRequest request);

    /**
     * Where a refund stands, or empty when the method cannot tell. A method that answers empty
     * and leaves refunds {@link Outcome#PENDING} is settled by hand: the tenant reports each refund
     * sent (bank transfer).
     */
    default Optional<RefundResult> refundStatus(MethodContext context, String gatewayReference) {
        return Optional.empty();
    }

    /** Whether the tenant sends refunds by hand and reports them sent. */
    default boolean refundsByHand() {
        return false;
    }
}
