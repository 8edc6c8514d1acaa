package dev.kassa.plugin.paypal;

import org.pf4j.Plugin;

/**
 * The PayPal plugin. It has nothing to start or stop: its only extension, {@link PayPalMethod}, is
 * stateless and talks to PayPal with the tenant's credentials on every call.
 */
public class PayPalPlugin extends Plugin {
}
