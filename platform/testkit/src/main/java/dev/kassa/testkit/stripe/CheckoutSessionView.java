package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * What the fake holds about a Checkout Session, for assertions.
 *
 * @param mode {@code payment} or {@code setup}
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code unpaid}, {@code paid}, or {@code no_payment_required} in setup mode
 * @param amount the one line's amount, in Stripe's units (0 in setup mode); {@link #isoAmount()}
 *     gives ISO 4217 minor units
 * @param currency lower case, as Stripe keeps it; null in setup mode
 * @param intentMetadata what the session passes on to the PaymentIntent or SetupIntent it makes
 * @param setupFutureUsage {@code off_session} when the card is to be kept, else null
 * @param url the hosted page
 * @param paymentIntent the PaymentIntent it made, once the customer submitted the page; else null
 * @param setupIntent the SetupIntent it made (setup mode), else null
 */
public record CheckoutSessionView(String id, String mode, String status, String paymentStatus, long amount,
                                  String currency, String customer, String clientReferenceId,
                                  Map<String, String> metadata, Map<String, String> intentMetadata,
                                  String setupFutureUsage, String successUrl, String cancelUrl, String url,
                                  String paymentIntent, String setupIntent, String idempotencyKey) {
    public long isoAmount() {
        return currency == null ? 0 : StripeCurrencies.toIsoMinor(amount, currency);
    }
}
