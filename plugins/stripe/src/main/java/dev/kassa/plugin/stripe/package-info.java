/**
 * Card payments through Stripe: PaymentIntents for payments (on-session and off-session),
 * SetupIntents for saved cards, refunds, status queries and signed webhooks.
 *
 * <p>Every call builds its own {@code StripeClient} from the tenant's secret key; nothing is kept
 * between calls and nothing is set on stripe-java's static configuration. The operator may point
 * the plugin at another API base with {@code KASSA_PLUGINS_STRIPE_API_BASE} (a test fake).
 */
package dev.kassa.plugin.stripe;
