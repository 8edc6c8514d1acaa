package dev.kassa.plugin.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SetupResult;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a Stripe Checkout Session (the hosted payment page) into a {@link PaymentResult} (payment
 * mode) or a {@link SetupResult} (setup mode).
 *
 * <table>
 * <caption>Checkout Session status to outcome</caption>
 * <tr><th>status</th><th>outcome</th></tr>
 * <tr><td>open</td><td>ACTION_REQUIRED: a redirect to the session's {@code url}; but when its
 *     PaymentIntent is at hand (a status query expands it) and the bank refused the card, that
 *     PaymentIntent's DECLINED, as for a payment made with Stripe.js</td></tr>
 * <tr><td>complete, {@code payment_status} paid</td><td>SUCCEEDED with {@code amount_total}, under
 *     the PaymentIntent's id (what refunds need); read from the PaymentIntent itself when it is at
 *     hand, or when the card was to be saved (its details live there)</td></tr>
 * <tr><td>complete, unpaid</td><td>PENDING: a delayed method (a debit) settles later, with
 *     {@code checkout.session.async_payment_succeeded} or {@code _failed}</td></tr>
 * <tr><td>complete, setup mode</td><td>the SetupIntent's outcome: SUCCEEDED with the card</td></tr>
 * <tr><td>expired</td><td>DECLINED, code {@value #EXPIRED}: the customer never paid</td></tr>
 * </table>
 *
 * <p>The attempt (or saved-method) id comes back from {@code client_reference_id}, and the
 * customer id from the session.
 */
final class CheckoutSessionMapping {
    /** The reason code of a session that expired unpaid. */
    static final String EXPIRED = "payment_page_expired";
    static final String EXPIRED_REASON = "Payment page expired";
    /** The reason code of a delayed payment that failed after the customer left the page. */
    static final String ASYNC_FAILED = "async_payment_failed";

    private final PaymentIntentMapping payments;
    private final SetupIntentMapping setups;
    private final Function<String, Optional<PaymentIntent>> paymentIntents;
    private final Function<String, Optional<SetupIntent>> setupIntents;

    /**
     * @param paymentIntents reads a PaymentIntent by id with its PaymentMethod; empty when Stripe cannot be asked now
     * @param setupIntents reads a SetupIntent by id with its PaymentMethod; empty when Stripe cannot be asked now
     */
    CheckoutSessionMapping(PaymentIntentMapping payments, SetupIntentMapping setups,
            Function<String, Optional<PaymentIntent>> paymentIntents,
            Function<String, Optional<SetupIntent>> setupIntents) {
        this.payments = payments;
        this.setups = setups;
        this.paymentIntents = paymentIntents;
        this.setupIntents = setupIntents;
    }

    static boolean isSession(String gatewayReference) {
        return gatewayReference != null && gatewayReference.startsWith("cs_");
    }

    static boolean isSetup(Session session) {
        return "setup".equals(session.getMode());
    }

    PaymentResult payment(Session session) {
        String status = session.getStatus() == null ? "" : session.getStatus();
        PaymentResult result = switch (status) {
            case "open" -> open(session);
            case "complete" -> complete(session);
            case "expired" -> PaymentResult.declined(session.getId(), EXPIRED, EXPIRED_REASON);
            default -> PaymentResult.unknown(session.getId(), "unexpected Checkout Session status " + status);
        };
        return traced(result, session);
    }

    /** A delayed payment of a completed session failed ({@code checkout.session.async_payment_failed}). */
    PaymentResult asyncFailure(Session session) {
        return traced(PaymentResult.declined(paymentReference(session), ASYNC_FAILED,
                "The payment failed after the customer left the payment page."), session);
    }

    SetupResult setup(Session session) {
        String status = session.getStatus() == null ? "" : session.getStatus();
        SetupResult result = switch (status) {
            case "open" -> session.getUrl() == null
                    ? SetupResult.unknown(session.getId(), "an open Checkout Session without a URL")
                    : SetupResult.actionRequired(session.getId(), NextAction.redirect(session.getUrl(), Map.of()));
            case "complete" -> setupIntent(session).map(setups::map)
                    .orElseGet(() -> SetupResult.pending(session.getId()));
            case "expired" -> SetupResult.failed(session.getId(), EXPIRED, EXPIRED_REASON);
            default -> SetupResult.unknown(session.getId(), "unexpected Checkout Session status " + status);
        };
        if (result.savedMethodId() == null) {
            String id = MetadataKeys.get(session.getMetadata(), MetadataKeys.SAVED_METHOD);
            result = result.withSavedMethodId(id != null ? id : session.getClientReferenceId());
        }
        return result.customerReference() == null ? result.withCustomerReference(session.getCustomer()) : result;
    }

    private PaymentResult open(Session session) {
        PaymentIntent intent = session.getPaymentIntentObject();
        if (intent != null && intent.getLastPaymentError() != null
                && !PaymentIntentMapping.needsAuthentication(intent.getLastPaymentError())) {
            return payments.map(intent); // the bank refused the card the customer tried
        }
        if (session.getUrl() == null) {
            return PaymentResult.unknown(session.getId(), "an open Checkout Session without a URL");
        }
        return PaymentResult.actionRequired(session.getId(), NextAction.redirect(session.getUrl(), Map.of()));
    }

    private PaymentResult complete(Session session) {
        String paymentStatus = session.getPaymentStatus() == null ? "" : session.getPaymentStatus();
        String reference = paymentReference(session);
        if (!"paid".equals(paymentStatus)) {
            return "unpaid".equals(paymentStatus) ? PaymentResult.pending(reference, null)
                    : PaymentResult.unknown(reference, "Checkout Session complete with payment status "
                            + paymentStatus);
        }
        PaymentIntent intent = session.getPaymentIntentObject();
        if (intent == null && savesMethod(session) && session.getPaymentIntent() != null) {
            intent = paymentIntents.apply(session.getPaymentIntent()).orElse(null);
            if (intent == null) {
                // The card to keep is named only on the PaymentIntent: ask again rather than lose it.
                return PaymentResult.unknown(reference, "the paid session's PaymentIntent could not be read");
            }
        }
        if (intent != null && "succeeded".equals(intent.getStatus())) {
            return payments.map(intent, StripePayments.savedWith(intent));
        }
        String currency = PaymentIntentMapping.currency(session.getCurrency());
        return StripeUnits.fromStripe(nonNull(session.getAmountTotal()), currency)
                .map(received -> PaymentResult.succeeded(reference, received))
                .orElseGet(() -> PaymentResult.unknown(reference, "Stripe reported " + session.getAmountTotal() + " "
                        + session.getCurrency() + ", which is no whole amount in ISO 4217 minor units"));
    }

    private Optional<SetupIntent> setupIntent(Session session) {
        if (session.getSetupIntentObject() != null) {
            return Optional.of(session.getSetupIntentObject());
        }
        return session.getSetupIntent() == null ? Optional.empty() : setupIntents.apply(session.getSetupIntent());
    }

    /** The PaymentIntent's id once there is one (refunds go to it), else the session's. */
    private static String paymentReference(Session session) {
        if (session.getPaymentIntent() != null) {
            return session.getPaymentIntent();
        }
        return session.getPaymentIntentObject() != null ? session.getPaymentIntentObject().getId() : session.getId();
    }

    private static boolean savesMethod(Session session) {
        return "true".equals(MetadataKeys.get(session.getMetadata(), MetadataKeys.SAVE_METHOD));
    }

    private static PaymentResult traced(PaymentResult result, Session session) {
        if (result.attemptId() == null) {
            String attempt = session.getClientReferenceId();
            result = result.withAttemptId(attempt != null ? attempt
                    : MetadataKeys.get(session.getMetadata(), MetadataKeys.ATTEMPT));
        }
        return result.customerReference() == null ? result.withCustomerReference(session.getCustomer()) : result;
    }

    private static long nonNull(Long value) {
        return value == null ? 0 : value;
    }
}
