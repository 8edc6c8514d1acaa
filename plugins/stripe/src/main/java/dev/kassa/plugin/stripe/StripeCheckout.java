package dev.kassa.plugin.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import com.stripe.param.checkout.SessionRetrieveParams;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stripe's hosted payment page, Checkout, for customers whose browser we can send there (requests
 * with a return URL): a session in payment mode for a payment, in setup mode to save a card. The
 * customer enters the card and passes 3-D Secure on Stripe's page, which sends the browser back to
 * the return URL; the outcome comes with {@code checkout.session.*} and {@code payment_intent.*}
 * events, or from {@link #paymentStatus}/{@link #setupStatus}.
 *
 * <p>The session carries the platform's id as {@code client_reference_id} and the platform's
 * metadata, and passes the metadata on to the PaymentIntent or SetupIntent it makes, so that
 * whichever event comes first finds the attempt or saved method. Its idempotency key is the
 * platform's id, as for an intent.
 */
final class StripeCheckout {
    private final StripeAccount account;
    private final CheckoutSessionMapping mapping;

    StripeCheckout(StripeAccount account) {
        this.account = account;
        this.mapping = account.checkout();
    }

    /**
     * A session in payment mode for one line, the top-up, of exactly the amount in Stripe's units;
     * with {@code setup_future_usage=off_session} when the customer keeps the card.
     *
     * @param customer the Stripe Customer the payment (and the card kept) belongs to
     */
    PaymentResult pay(PaymentRequest request, String customer) throws StripeException {
        String description = request.description() != null ? request.description()
                : "Top-up" + (request.reference() == null ? "" : " " + request.reference());
        PaymentIntentData.Builder intent = PaymentIntentData.builder()
                .putAllMetadata(request.metadata())
                .setDescription(description);
        Map<String, String> metadata = new LinkedHashMap<>(request.metadata());
        if (request.saveMethod()) {
            intent.setSetupFutureUsage(PaymentIntentData.SetupFutureUsage.OFF_SESSION);
            metadata.put(MetadataKeys.SAVE_METHOD, "true");
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customer)
                .setClientReferenceId(request.attemptId())
                .putAllMetadata(metadata)
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(StripeUnits.toStripe(request.amount()).orElseThrow())
                                .setProductData(PriceData.ProductData.builder().setName(description).build())
                                .build())
                        .build())
                .setPaymentIntentData(intent.build())
                .setSuccessUrl(request.returnUrl())
                .setLocale(locale(request.customer().locale()));
        if (request.cancelUrl() != null) {
            params.setCancelUrl(request.cancelUrl());
        }
        Session session = account.client().checkout().sessions()
                .create(params.build(), StripeAccount.idempotent(request.attemptId()));
        return mapping.payment(session);
    }

    /** A session in setup mode: the customer enters a card on Stripe's page, kept for off-session use. */
    SetupResult setUp(SetupRequest request, String customer) throws StripeException {
        Map<String, String> metadata = new LinkedHashMap<>(request.metadata());
        metadata.putIfAbsent(MetadataKeys.SAVED_METHOD, request.savedMethodId());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .setCustomer(customer)
                .setClientReferenceId(request.savedMethodId())
                // Setup mode needs either the methods or a currency; a card method keeps cards.
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .putAllMetadata(metadata)
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putAllMetadata(metadata).build())
                .setSuccessUrl(request.returnUrl())
                .setLocale(locale(request.customer().locale()));
        if (request.cancelUrl() != null) {
            params.setCancelUrl(request.cancelUrl());
        }
        Session session = account.client().checkout().sessions()
                .create(params.build(), StripeAccount.idempotent(request.savedMethodId()));
        return mapping.setup(session);
    }

    /** Where a payment-mode session stands, with its PaymentIntent (and that one's PaymentMethod). */
    PaymentResult paymentStatus(String sessionId) throws StripeException {
        Session session = account.client().checkout().sessions().retrieve(sessionId, SessionRetrieveParams.builder()
                .addExpand("payment_intent").addExpand("payment_intent.payment_method").build());
        return mapping.payment(session);
    }

    /** Where a setup-mode session stands, with its SetupIntent (and that one's PaymentMethod). */
    SetupResult setupStatus(String sessionId) throws StripeException {
        Session session = account.client().checkout().sessions().retrieve(sessionId, SessionRetrieveParams.builder()
                .addExpand("setup_intent").addExpand("setup_intent.payment_method").build());
        return mapping.setup(session);
    }

    /**
     * The page's language: the customer's, when Stripe has it ({@code fr-CA}, else {@code fr}), else
     * Stripe's choice.
     */
    static SessionCreateParams.Locale locale(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return SessionCreateParams.Locale.AUTO;
        }
        Locale locale = Locale.forLanguageTag(languageTag);
        String full = locale.getCountry().isEmpty() ? locale.getLanguage()
                : locale.getLanguage() + "-" + locale.getCountry();
        SessionCreateParams.Locale language = SessionCreateParams.Locale.AUTO;
        for (SessionCreateParams.Locale candidate : SessionCreateParams.Locale.values()) {
            if (candidate.getValue().equalsIgnoreCase(full)) {
                return candidate;
            }
            if (candidate.getValue().equalsIgnoreCase(locale.getLanguage())) {
                language = candidate;
            }
        }
        return language;
    }
}
