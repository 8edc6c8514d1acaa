package dev.kassa.plugin.stripe;

import org.pf4j.Plugin;

/**
 * The Stripe plugin. It has nothing to start or stop: its only extension,
 * {@link StripeCardMethod}, is stateless and builds a Stripe client from the tenant's key on
 * every call.
 */
public class StripePlugin extends Plugin {
}
