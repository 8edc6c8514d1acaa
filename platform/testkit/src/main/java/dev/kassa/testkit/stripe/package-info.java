/**
 * {@link dev.kassa.testkit.stripe.StripeFake}: a stateful fake of the Stripe API (WireMock),
 * rendering Stripe's published example objects, with scripted outcomes, signed webhook
 * deliveries and a minimal hosted Checkout page. Used by the Stripe plugin's tests and by server tests that point
 * {@code KASSA_PLUGINS_STRIPE_API_BASE} at it.
 */
package dev.kassa.testkit.stripe;
