/**
 * A stateful fake of PayPal's REST API (OAuth, Orders v2, Payments v2 refunds, Vault v3 tokens,
 * the webhook verify API, webhook signing certificates) with a minimal approval page, for the
 * PayPal plugin's tests and for server tests.
 *
 * <p>Its answers and events are written here in the shape of PayPal's published Orders v2 schemas
 * (paypal/paypal-rest-api-specifications, Apache-2.0) and developer documentation. The real PayPal
 * webhook payloads in the team's shared fixtures come from a GPL-3.0 project and are not copied into
 * this Apache-2.0 repository.
 */
package dev.kassa.testkit.paypal;
