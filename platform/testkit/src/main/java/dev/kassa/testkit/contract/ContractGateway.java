package dev.kassa.testkit.contract;

import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The gateway side of {@link PaymentMethodContract}: what a plugin's test implements over its
 * gateway fake, so that the contract can script the gateway, play the customer and the banks,
 * and see what reached the gateway. Only {@link #credentials()} and {@link #reset()} are required:
 * every other method may stay unimplemented (the defaults throw
 * {@link UnsupportedOperationException}), and the contract then skips the cases that need it, as
 * for a method without a gateway to script (a bank transfer).
 */
public interface ContractGateway {

    /** The tenant's credentials for the method, valid at the fake. */
    Map<String, String> credentials();

    /** The operator's settings for the plugin, pointing it at the fake (such as {@code API_BASE}). */
    default Map<String, String> operatorSettings() {
        return Map.of();
    }

    /** Forgets every payment, script and recorded request; called before each case. */
    void reset();

    /** Every idempotency key the gateway received, in order. */
    default List<String> idempotencyKeys() {
        throw new UnsupportedOperationException("no record of idempotency keys");
    }

    // ---- the next payment

    /** The next payment is refused by the bank (at once, or when the customer confirms it). */
    default void nextPaymentDeclines() {
        throw new UnsupportedOperationException("cannot script a decline");
    }

    /** The next payment is accepted but the money arrives only at {@link #settle}. */
    default void nextPaymentSettlesLater() {
        throw new UnsupportedOperationException("cannot script a pending payment");
    }

    /** The gateway carries out the next payment but answers only after {@code delay}. */
    default void nextPaymentAnswersLate(Duration delay) {
        throw new UnsupportedOperationException("cannot script a late answer");
    }

    /** The gateway fails the next payment call with a 5xx, without carrying it out. */
    default void nextPaymentFailsWithServerError() {
        throw new UnsupportedOperationException("cannot script a server error");
    }

    // ---- after a payment started

    /**
     * The customer does what {@code started}'s next action asks (confirms the card, passes 3-D
     * Secure, approves); for a redirect to the gateway's hosted page, pays there (the scripted
     * outcome applies: {@link #nextPaymentDeclines} makes the bank refuse the card on the page).
     */
    default void customerCompletes(PaymentResult started) {
        throw new UnsupportedOperationException("cannot play the customer");
    }

    /**
     * The customer leaves the gateway's hosted page of {@code gatewayReference} (the first answer's
     * reference) unpaid until it expires.
     */
    default void expireHostedPage(String gatewayReference) {
        throw new UnsupportedOperationException("no hosted pages that expire");
    }

    /** A pending payment settles at the gateway. */
    default void settle(String gatewayReference) {
        throw new UnsupportedOperationException("cannot settle a payment");
    }

    /**
     * What the gateway will take from the customer for a payment, converted from the gateway's
     * own units into ISO 4217 minor units of the payment's currency ({@code 5000} for 5,000 ISK,
     * which Stripe holds as {@code 500000}); empty if the fake cannot tell. The contract compares
     * it with the amount the method was asked for, so a plugin that forgets to convert is caught.
     */
    default OptionalLong chargedAmount(String gatewayReference) {
        return OptionalLong.empty();
    }

    // ---- webhooks

    /** A new delivery, signed at {@code signedAt}, of the gateway's event about the payment as it stands now. */
    default WebhookRequest paymentWebhook(String gatewayReference, Instant signedAt) {
        throw new UnsupportedOperationException("no webhooks");
    }

    /** Whether the gateway signs a timestamp into its webhooks, so that stale ones can be told apart. */
    default boolean webhooksAreTimestamped() {
        return true;
    }

    // ---- saved methods

    /** The customer enters and confirms the method to save (in the browser, or on the gateway's hosted page). */
    default void customerCompletesSetup(SetupResult started) {
        throw new UnsupportedOperationException("no saved methods");
    }

    /** The next saving of a method is refused by the bank. */
    default void nextSetupFails() {
        throw new UnsupportedOperationException("no saved methods");
    }

    /** A new delivery of the gateway's event about the set-up as it stands now. */
    default WebhookRequest setupWebhook(String gatewayReference, Instant signedAt) {
        throw new UnsupportedOperationException("no set-up webhooks");
    }

    // ---- refunds

    /** The next refund stays pending until {@link #settleRefund}. */
    default void nextRefundSettlesLater() {
        throw new UnsupportedOperationException("no pending refunds");
    }

    default void settleRefund(String gatewayReference) {
        throw new UnsupportedOperationException("no pending refunds");
    }

    /**
     * The amount of a refund the gateway recorded, converted into ISO 4217 minor units as for
     * {@link #chargedAmount}; empty if it knows none.
     */
    default OptionalLong refundedAmount(String gatewayReference) {
        return OptionalLong.empty();
    }
}
