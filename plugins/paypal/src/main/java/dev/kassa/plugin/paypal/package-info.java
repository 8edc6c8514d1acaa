/**
 * PayPal Checkout through the Orders v2 API: an order per attempt, the payer's approval on PayPal's
 * page, a capture, refunds of that capture, Vault v3, status queries and webhooks verified offline.
 *
 * <p>The calls go through PayPal's Java server SDK ({@code com.paypal.sdk:paypal-server-sdk}), shaded
 * and relocated into the plugin jar with its dependencies ({@code PayPalApi}),
 * on an OkHttp client the plugin configures ({@code PayPalHttp}). Every call
 * fetches its own OAuth token with the tenant's client id and secret; nothing is kept between calls
 * but PayPal's public signing certificates ({@link dev.kassa.plugin.paypal.PayPalCertificates}) and
 * OkHttp's connection pool. The operator may point the plugin at another API base with
 * {@code KASSA_PLUGINS_PAYPAL_API_BASE} (a test fake): an interceptor then rewrites PayPal's host.
 */
package dev.kassa.plugin.paypal;
