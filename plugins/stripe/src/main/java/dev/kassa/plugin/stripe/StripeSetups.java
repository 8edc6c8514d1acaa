package dev.kassa.plugin.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.SetupIntent;
import com.stripe.param.SetupIntentCreateParams;
import com.stripe.param.SetupIntentRetrieveParams;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Saved cards as Stripe SetupIntents on the account's Customer, and their removal (detach). */
final class StripeSetups {
    private final StripeAccount account;
    private final SetupIntentMapping mapping;

    StripeSetups(StripeAccount account) {
        this.account = account;
        this.mapping = account.setups();
    }

    /**
     * With a return URL, a Checkout Session in setup mode: the customer enters the card on Stripe's
     * hosted page (ACTION_REQUIRED, a redirect to it; {@link StripeCheckout}). Without one, a
     * SetupIntent for off-session use, keyed by the saved-method id; the customer enters the card
     * in the browser with its client secret (ACTION_REQUIRED).
     */
    SetupResult setUp(SetupRequest request) {
        String customer = null;
        try {
            customer = StripeCustomers.ensure(account, request.customer());
            if (request.hasReturnUrl()) {
                return new StripeCheckout(account).setUp(request, customer).withCustomerReference(customer);
            }
            Map<String, String> metadata = new LinkedHashMap<>(request.metadata());
            metadata.putIfAbsent(MetadataKeys.SAVED_METHOD, request.savedMethodId());
            SetupIntentCreateParams params = SetupIntentCreateParams.builder()
                    .setCustomer(customer)
                    .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .putAllMetadata(metadata)
                    .setAutomaticPaymentMethods(
                            SetupIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                    .build();
            SetupIntent intent = account.client().setupIntents()
                    .create(params, StripeAccount.idempotent(request.savedMethodId()));
            return mapping.map(intent).withCustomerReference(customer);
        } catch (StripeException e) {
            account.failed("set-up", e);
            SetupResult result = StripeFailures.kind(e) == StripeFailures.Kind.DECLINED
                    ? SetupResult.failed(null, StripeFailures.code(e), StripeFailures.message(e))
                    : SetupResult.unknown(null, StripeFailures.message(e));
            return result.withSavedMethodId(request.savedMethodId()).withCustomerReference(customer);
        }
    }

    /**
     * Where a SetupIntent stands, with its PaymentMethod expanded for the card's details; for a
     * Checkout Session ({@code cs_...}), where its SetupIntent stands.
     */
    SetupResult status(String gatewayReference) {
        try {
            if (CheckoutSessionMapping.isSession(gatewayReference)) {
                return new StripeCheckout(account).setupStatus(gatewayReference);
            }
            SetupIntent intent = account.client().setupIntents().retrieve(gatewayReference,
                    SetupIntentRetrieveParams.builder().addExpand("payment_method").build());
            return mapping.map(intent);
        } catch (StripeException e) {
            account.failed("set-up status", e);
            return SetupResult.unknown(gatewayReference, StripeFailures.message(e));
        }
    }

    /**
     * Detaches the PaymentMethod from its Customer. A method Stripe does not know, or one no longer
     * attached, counts as removed.
     *
     * @throws UncheckedIOException when Stripe cannot be reached or fails (5xx, rate limit)
     * @throws IllegalStateException when Stripe refuses for another reason (a revoked key)
     */
    void remove(String token) {
        try {
            account.client().paymentMethods().detach(token);
        } catch (StripeException e) {
            if (StripeFailures.isMissing(e) || isNotAttached(e)) {
                return;
            }
            account.failed("detach", e);
            if (StripeFailures.kind(e) == StripeFailures.Kind.UNKNOWN) {
                throw new UncheckedIOException(new IOException("Stripe could not detach the payment method: "
                        + StripeFailures.message(e), e));
            }
            throw new IllegalStateException("Stripe refused to detach the payment method: "
                    + StripeFailures.code(e), e);
        }
    }

    private static boolean isNotAttached(StripeException e) {
        Integer status = e.getStatusCode();
        String message = StripeFailures.message(e);
        return status != null && status == 400
                && ("payment_method_unexpected_state".equals(e.getCode()) || message.contains("not attached"));
    }
}
