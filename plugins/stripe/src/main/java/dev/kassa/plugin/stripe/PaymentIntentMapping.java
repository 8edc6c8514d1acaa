package dev.kassa.plugin.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SavedMethodDetails;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Stripe PaymentIntent into a {@link PaymentResult}.
 *
 * <table>
 * <caption>PaymentIntent status to outcome</caption>
 * <tr><th>status</th><th>outcome</th></tr>
 * <tr><td>succeeded</td><td>SUCCEEDED, with {@code amount_received} in ISO minor units
 *     ({@link StripeUnits}); UNKNOWN if that is no whole ISO amount</td></tr>
 * <tr><td>requires_payment_method, no {@code last_payment_error}</td><td>ACTION_REQUIRED: the
 *     customer enters a card with Stripe.js</td></tr>
 * <tr><td>requires_payment_method with {@code last_payment_error}</td><td>DECLINED, with the decline
 *     code (else the error code) and message; but ACTION_REQUIRED when the error is
 *     {@code authentication_required}: an off-session payment the bank wants the customer to
 *     authenticate, which they can still do with the client secret</td></tr>
 * <tr><td>requires_confirmation, requires_action</td><td>ACTION_REQUIRED: a redirect when Stripe
 *     gives a {@code redirect_to_url}, else the client secret</td></tr>
 * <tr><td>processing, requires_capture</td><td>PENDING</td></tr>
 * <tr><td>canceled</td><td>DECLINED, code {@code canceled}</td></tr>
 * </table>
 *
 * <p>The attempt id comes back from the {@code kassa_attempt} metadata, and the customer id from
 * the intent.
 */
final class PaymentIntentMapping {
    static final String CANCELED = "canceled";
    private static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private final CustomerActions actions;

    PaymentIntentMapping(CustomerActions actions) {
        this.actions = actions;
    }

    PaymentResult map(PaymentIntent intent) {
        return map(intent, null);
    }

    /** @param savedMethod the method saved with the payment, if the caller knows it; else null */
    PaymentResult map(PaymentIntent intent, SavedMethodDetails savedMethod) {
        PaymentResult result = outcome(intent);
        if (savedMethod != null && result.outcome() == dev.kassa.api.payment.Outcome.SUCCEEDED) {
            result = result.withSavedMethod(savedMethod);
        }
        return result.withAttemptId(MetadataKeys.get(intent.getMetadata(), MetadataKeys.ATTEMPT))
                .withCustomerReference(intent.getCustomer());
    }

    private PaymentResult outcome(PaymentIntent intent) {
        String id = intent.getId();
        String status = intent.getStatus() == null ? "" : intent.getStatus();
        switch (status) {
            case "succeeded":
                return received(intent).map(received -> PaymentResult.succeeded(id, received))
                        .orElseGet(() -> PaymentResult.unknown(id, "Stripe reported " + intent.getAmountReceived()
                                + " " + intent.getCurrency() + ", which is no whole amount in ISO 4217 minor units"));
            case "requires_payment_method":
                StripeError error = intent.getLastPaymentError();
                if (error != null && !needsAuthentication(error)) {
                    return PaymentResult.declined(id, StripeFailures.code(error), StripeFailures.message(error));
                }
                return actionRequired(id, actions.confirmInBrowser(intent.getClientSecret()));
            case "requires_confirmation":
                return actionRequired(id, actions.confirmInBrowser(intent.getClientSecret()));
            case "requires_action":
                return actionRequired(id, nextAction(intent));
            case "processing":
            case "requires_capture":
                return PaymentResult.pending(id, null);
            case CANCELED:
                String why = intent.getCancellationReason();
                return PaymentResult.declined(id, CANCELED, why == null ? "The payment was canceled." : why);
            default:
                return PaymentResult.unknown(id, "unexpected PaymentIntent status " + status);
        }
    }

    /** Whether the bank asked for the customer's authentication (off-session), rather than refused. */
    static boolean needsAuthentication(StripeError error) {
        return AUTHENTICATION_REQUIRED.equals(error.getCode()) || AUTHENTICATION_REQUIRED.equals(error.getDeclineCode());
    }

    private NextAction nextAction(PaymentIntent intent) {
        PaymentIntent.NextAction next = intent.getNextAction();
        if (next != null && next.getRedirectToUrl() != null && next.getRedirectToUrl().getUrl() != null) {
            return actions.redirect(next.getRedirectToUrl().getUrl(), intent.getClientSecret());
        }
        return actions.confirmInBrowser(intent.getClientSecret());
    }

    private static PaymentResult actionRequired(String id, NextAction action) {
        if (action == null) {
            return PaymentResult.unknown(id, "the PaymentIntent waits for the customer but has no client secret");
        }
        return PaymentResult.actionRequired(id, action);
    }

    /** What Stripe took, converted from Stripe's units; empty if that is no whole ISO amount. */
    private static Optional<Amount> received(PaymentIntent intent) {
        Long received = intent.getAmountReceived();
        long units = received != null && received > 0 ? received : nonNull(intent.getAmount());
        return StripeUnits.fromStripe(units, currency(intent.getCurrency()));
    }

    static String currency(String stripeCurrency) {
        return stripeCurrency == null ? "XXX" : stripeCurrency.toUpperCase(Locale.ROOT);
    }

    private static long nonNull(Long value) {
        return value == null ? 0 : value;
    }
}
