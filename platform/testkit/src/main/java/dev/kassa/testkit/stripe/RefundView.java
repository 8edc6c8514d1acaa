package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * What the fake holds about a Refund, for assertions.
 *
 * @param amount in Stripe's units of the currency (5,000 ISK is 500000: Stripe counts ISK in
 *     hundredths); {@link #isoAmount()} gives ISO 4217 minor units
 * @param status {@code succeeded}, {@code pending}, {@code failed} or {@code canceled}
 */
public record RefundView(String id, String paymentIntent, long amount, String currency, String status,
                         String failureReason, Map<String, String> metadata, String idempotencyKey) {
    /** {@link #amount()} in ISO 4217 minor units, as Kassa counts: 500000 ISK (Stripe) is 5000. */
    public long isoAmount() {
        return StripeCurrencies.toIsoMinor(amount, currency);
    }
}
