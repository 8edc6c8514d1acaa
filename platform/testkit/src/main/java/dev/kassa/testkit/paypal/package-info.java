/**
 * A stateful fake of PayPal's REST API (OAuth, Orders v2, Payments v2 refunds, webhook signing
 * certificates) with a minimal approval page, for the PayPal plugin's tests and for server tests.
 */
package dev.kassa.testkit.paypal;
