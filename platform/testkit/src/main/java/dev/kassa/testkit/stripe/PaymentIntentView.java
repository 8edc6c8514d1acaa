package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * What the fake holds about a PaymentIntent, for assertions.
 *
 * @param amount in Stripe's units of the currency (5,000 ISK is 500000: Stripe counts ISK in
 *     hundredths); {@link #isoAmount()} gives ISO 4217 minor units
 * @param currency lower case, as Stripe keeps it
 * @param status Stripe's status ({@code requires_payment_method}, {@code succeeded}, ...)
 * @param paymentMethod the PaymentMethod id, once confirmed
 * @param offSession whether it was created with {@code off_session=true}
 * @param setupFutureUsage {@code off_session} when the card is to be saved, else null
 * @param idempotencyKey the {@code Idempotency-Key} it was created with, or null
 * @param errorCode the code of its last payment error ({@code card_declined}), or null
 * @param declineCode the decline code of its last payment error ({@code insufficient_funds}), or null
 */
public record PaymentIntentView(String id, long amount, String currency, String status, String customer,
                                String paymentMethod, boolean offSession, String setupFutureUsage,
                                Map<String, String> metadata, String idempotencyKey, String errorCode,
                                String declineCode) {
    /** {@link #amount()} in ISO 4217 minor units, as Kassa counts: 500000 ISK (Stripe) is 5000. */
    public long isoAmount() {
        return StripeCurrencies.toIsoMinor(amount, currency);
    }
}
