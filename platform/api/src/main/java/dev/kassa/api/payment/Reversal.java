package dev.kassa.api.payment;

import java.util.Objects;

/**
 * Money the gateway took back after a payment succeeded, without the merchant asking: a
 * chargeback, a dispute lost, or a reversal by the gateway itself. Not a refund: no refund of the
 * platform's preceded it, and the money is already gone when the news arrives.
 *
 * @param gatewayReference the gateway's id of the payment taken back, as in
 *     {@link PaymentResult#gatewayReference()} (a PayPal order id, a Stripe PaymentIntent id)
 * @param attemptId the platform attempt the payment belongs to, when the gateway told us; else null
 * @param reversalReference the gateway's own id of the reversal (a PayPal reversal's refund id, a
 *     Stripe dispute id): the platform takes back each one once, however often it is reported
 * @param amount what was taken back, in the currency of the payment
 * @param reasonCode the gateway's code, such as {@code "chargeback"}; else null
 * @param reason the gateway's words, else null
 */
public record Reversal(String gatewayReference, String attemptId, String reversalReference, Amount amount,
                       String reasonCode, String reason) {
    public Reversal {
        Objects.requireNonNull(gatewayReference, "gatewayReference");
        Objects.requireNonNull(reversalReference, "reversalReference");
        Objects.requireNonNull(amount, "amount");
        if (amount.minor() == 0) {
            throw new IllegalArgumentException("a reversal takes back some money");
        }
    }
}
