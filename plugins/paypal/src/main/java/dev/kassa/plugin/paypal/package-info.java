/**
 * PayPal Checkout through the Orders v2 API: an order per attempt, the payer's approval on PayPal's
 * page, a capture, refunds of that capture, status queries and webhooks verified offline.
 *
 * <p>Every call fetches its own OAuth token with the tenant's client id and secret; nothing is kept
 * between calls but PayPal's public signing certificates ({@link dev.kassa.plugin.paypal.PayPalCertificates}).
 * The operator may point the plugin at another API base with {@code KASSA_PLUGINS_PAYPAL_API_BASE} (a
 * test fake).
 */
package dev.kassa.plugin.paypal;
