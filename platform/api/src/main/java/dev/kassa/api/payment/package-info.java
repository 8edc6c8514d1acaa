/**
 * The payment-method contract between the platform and its plugins.
 *
 * <p>A plugin contributes one or more {@link dev.kassa.api.payment.PaymentMethod} extensions. A
 * method describes itself ({@link dev.kassa.api.payment.MethodInfo}) and starts payments; what
 * else it can do is told by the optional interfaces it also implements:
 * {@link dev.kassa.api.payment.WebhookReceiver}, {@link dev.kassa.api.payment.SavedMethods},
 * {@link dev.kassa.api.payment.OffSessionPayments}, {@link dev.kassa.api.payment.Refunds} and
 * {@link dev.kassa.api.payment.StatusQuery}.
 *
 * <p>Every call gets a {@link dev.kassa.api.payment.MethodContext}: the tenant's decrypted
 * credentials, the operator's settings for the plugin, HTTP timeouts, a clock and a logger. A
 * plugin keeps no state of its own between calls (no static caches of tenants' data, no database,
 * no CDI): the platform stores attempts, references and outcomes, and may call any node.
 *
 * <p>One request record goes in, one result record comes out. A decline is a result
 * ({@link dev.kassa.api.payment.Outcome#DECLINED}), not an exception; a timeout or a gateway error
 * is {@link dev.kassa.api.payment.Outcome#UNKNOWN}, which the platform resolves later with
 * {@link dev.kassa.api.payment.StatusQuery}. Exceptions are for bugs and for refused webhooks
 * ({@link dev.kassa.api.payment.InvalidWebhookException}).
 */
package dev.kassa.api.payment;
