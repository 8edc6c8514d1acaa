package dev.kassa.plugin.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentSearchParams;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SavedMethodDetails;
import java.util.Locale;
import java.util.Objects;

/** Payments as Stripe PaymentIntents: on-session, off-session with a saved card, and status queries. */
final class StripePayments {
    private final StripeAccount account;
    private final PaymentIntentMapping mapping;

    StripePayments(StripeAccount account) {
        this.account = account;
        this.mapping = account.payments();
    }

    /**
     * With a return URL, a Checkout Session: the customer pays on Stripe's hosted page, so the
     * answer is ACTION_REQUIRED with a redirect to it ({@link StripeCheckout}).
     *
     * <p>Without one (an API client), an unconfirmed PaymentIntent with automatic payment methods
     * (redirects allowed, for 3-D Secure and bank pages): the customer picks and confirms the method
     * in the browser with the client secret, so the usual answer is ACTION_REQUIRED. With a saved
     * card ({@link PaymentRequest#savedMethodToken()}) the intent is preset to it, for the browser
     * to confirm (and authenticate) with one click; Checkout cannot be preset to a card, so this is
     * also the answer to a saved card with a return URL.
     */
    PaymentResult pay(PaymentRequest request) {
        PaymentResult unrepresentable = refusedAmount(request);
        if (unrepresentable != null) {
            return unrepresentable;
        }
        String customer = null;
        try {
            customer = StripeCustomers.ensure(account, request.customer());
            if (request.hasReturnUrl() && request.savedMethodToken() == null) {
                return new StripeCheckout(account).pay(request, customer).withCustomerReference(customer);
            }
            PaymentIntentCreateParams.Builder params = common(request, customer)
                    .setAutomaticPaymentMethods(AutomaticPaymentMethods.builder().setEnabled(true).build());
            if (request.saveMethod()) {
                params.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
            }
            if (request.savedMethodToken() != null) {
                params.setPaymentMethod(request.savedMethodToken());
            }
            PaymentIntent intent = account.client().paymentIntents()
                    .create(params.build(), StripeAccount.idempotent(request.attemptId()));
            return mapping.map(intent).withCustomerReference(customer);
        } catch (StripeException e) {
            return failure(e).withAttemptId(request.attemptId()).withCustomerReference(customer);
        }
    }

    /**
     * Creates and confirms a PaymentIntent with the saved card while the customer is away. Redirects
     * are not allowed (nobody is there to follow them). A bank that insists on authentication
     * answers {@code authentication_required}: that is ACTION_REQUIRED with the intent's client
     * secret, for the customer to confirm on their next visit; any other card error is DECLINED.
     */
    PaymentResult payOffSession(PaymentRequest request) {
        Objects.requireNonNull(request.savedMethodToken(), "an off-session payment needs a saved method token");
        PaymentResult unrepresentable = refusedAmount(request);
        if (unrepresentable != null) {
            return unrepresentable;
        }
        String customer = null;
        try {
            customer = StripeCustomers.ensure(account, request.customer());
            PaymentIntentCreateParams params = common(request, customer)
                    .setAutomaticPaymentMethods(AutomaticPaymentMethods.builder()
                            .setEnabled(true)
                            .setAllowRedirects(AutomaticPaymentMethods.AllowRedirects.NEVER)
                            .build())
                    .setPaymentMethod(request.savedMethodToken())
                    .setOffSession(true)
                    .setConfirm(true)
                    .build();
            PaymentIntent intent = account.client().paymentIntents()
                    .create(params, StripeAccount.idempotent(request.attemptId()));
            return mapping.map(intent).withCustomerReference(customer);
        } catch (CardException e) {
            PaymentIntent intent = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            if (intent != null && PaymentIntentMapping.needsAuthentication(e.getStripeError())) {
                account.failed("off-session payment", e);
                return mapping.map(intent).withAttemptId(request.attemptId()).withCustomerReference(customer);
            }
            return failure(e).withAttemptId(request.attemptId()).withCustomerReference(customer);
        } catch (StripeException e) {
            return failure(e).withAttemptId(request.attemptId()).withCustomerReference(customer);
        }
    }

    /**
     * Where a payment stands. A Checkout Session ({@code cs_...}) is read with its PaymentIntent
     * ({@link StripeCheckout#paymentStatus}). Without a gateway reference (the first call never
     * got an answer), the intent is looked up by its {@code kassa_attempt} metadata with Stripe's
     * search, which lags up to a minute behind; until it finds one the answer is UNKNOWN (a
     * session's intent carries the same metadata, once the customer paid). Any failure to ask is
     * UNKNOWN too: the platform asks again.
     */
    PaymentResult status(String gatewayReference, String attemptId) {
        try {
            if (CheckoutSessionMapping.isSession(gatewayReference)) {
                return new StripeCheckout(account).paymentStatus(gatewayReference);
            }
            if (gatewayReference != null) {
                PaymentIntent intent = account.client().paymentIntents().retrieve(gatewayReference,
                        PaymentIntentRetrieveParams.builder().addExpand("payment_method").build());
                return mapping.map(intent, savedWith(intent));
            }
            if (attemptId == null) {
                return PaymentResult.unknown(null, "neither a gateway reference nor an attempt id");
            }
            StripeSearchResult<PaymentIntent> found = account.client().paymentIntents().search(
                    PaymentIntentSearchParams.builder().setQuery(attemptQuery(attemptId))
                            .addExpand("data.payment_method").build());
            if (found.getData() == null || found.getData().isEmpty()) {
                return PaymentResult.unknown(null, "Stripe knows no PaymentIntent for this attempt (yet)")
                        .withAttemptId(attemptId);
            }
            PaymentIntent intent = found.getData().get(0);
            return mapping.map(intent, savedWith(intent));
        } catch (StripeException e) {
            account.failed("payment status", e);
            return PaymentResult.unknown(gatewayReference, StripeFailures.message(e)).withAttemptId(attemptId);
        }
    }

    private PaymentIntentCreateParams.Builder common(PaymentRequest request, String customer) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(StripeUnits.toStripe(request.amount()).orElseThrow())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setCustomer(customer)
                .putAllMetadata(request.metadata());
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        return params;
    }

    /**
     * DECLINED, without asking Stripe, for an amount Stripe cannot take exactly (the platform
     * asks {@code accepts} first, so this is the last guard): never a rounded amount.
     */
    private static PaymentResult refusedAmount(PaymentRequest request) {
        String why = StripeUnits.whyNot(request.amount());
        return why == null ? null
                : PaymentResult.declined(null, StripeUnits.NOT_REPRESENTABLE, why).withAttemptId(request.attemptId());
    }

    private PaymentResult failure(StripeException e) {
        account.failed("payment", e);
        String reference = null;
        if (e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null) {
            reference = e.getStripeError().getPaymentIntent().getId();
        }
        if (StripeFailures.kind(e) == StripeFailures.Kind.DECLINED) {
            return PaymentResult.declined(reference, StripeFailures.code(e), StripeFailures.message(e));
        }
        return PaymentResult.unknown(reference, StripeFailures.message(e));
    }

    /** The card kept with a payment, when the customer asked to keep it and the intent carries its PaymentMethod. */
    static SavedMethodDetails savedWith(PaymentIntent intent) {
        if (intent.getSetupFutureUsage() == null || intent.getPaymentMethodObject() == null) {
            return null;
        }
        return SetupIntentMapping.details(intent.getPaymentMethodObject());
    }

    /** A search query for the intent of one attempt; quotes and backslashes escaped as Stripe's query language wants. */
    static String attemptQuery(String attemptId) {
        String escaped = attemptId.replace("\\", "\\\\").replace("'", "\\'");
        return "metadata['" + MetadataKeys.ATTEMPT + "']:'" + escaped + "'";
    }
}
