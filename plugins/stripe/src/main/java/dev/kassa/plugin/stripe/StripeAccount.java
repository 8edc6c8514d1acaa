package dev.kassa.plugin.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.SetupIntentRetrieveParams;
import dev.kassa.api.payment.MethodContext;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * One tenant's Stripe account for the length of one call: the client built from its secret key
 * (on first use), and the mappings that need its publishable key.
 */
final class StripeAccount {
    private final MethodContext context;
    private final CustomerActions actions;
    private StripeClient client;

    StripeAccount(MethodContext context) {
        this.context = context;
        this.actions = new CustomerActions(context.credential(StripeCredentials.PUBLISHABLE_KEY).orElse(null));
    }

    MethodContext context() {
        return context;
    }

    StripeClient client() {
        if (client == null) {
            client = StripeClients.forTenant(context);
        }
        return client;
    }

    CustomerActions actions() {
        return actions;
    }

    PaymentIntentMapping payments() {
        return new PaymentIntentMapping(actions);
    }

    SetupIntentMapping setups() {
        return new SetupIntentMapping(actions, this::paymentMethod);
    }

    CheckoutSessionMapping checkout() {
        return new CheckoutSessionMapping(payments(), setups(), this::paymentIntent, this::setupIntent);
    }

    StripeEventReader events() {
        return new StripeEventReader(payments(), setups(), checkout(), this::paymentMethod);
    }

    /** A PaymentIntent by id with its PaymentMethod, or empty (and a log line) when Stripe cannot be asked now. */
    Optional<PaymentIntent> paymentIntent(String id) {
        try {
            return Optional.of(client().paymentIntents().retrieve(id,
                    PaymentIntentRetrieveParams.builder().addExpand("payment_method").build()));
        } catch (StripeException e) {
            failed("retrieve PaymentIntent", e);
            return Optional.empty();
        }
    }

    /** A SetupIntent by id with its PaymentMethod, or empty (and a log line) when Stripe cannot be asked now. */
    Optional<SetupIntent> setupIntent(String id) {
        try {
            return Optional.of(client().setupIntents().retrieve(id,
                    SetupIntentRetrieveParams.builder().addExpand("payment_method").build()));
        } catch (StripeException e) {
            failed("retrieve SetupIntent", e);
            return Optional.empty();
        }
    }

    /** A PaymentMethod by id, or empty (and a log line) when Stripe cannot be asked now. */
    Optional<PaymentMethod> paymentMethod(String id) {
        try {
            return Optional.of(client().paymentMethods().retrieve(id));
        } catch (StripeException e) {
            failed("retrieve PaymentMethod", e);
            return Optional.empty();
        }
    }

    /** Logs a failed call: Stripe's error type, code and request id, never the key or card data. */
    void failed(String what, StripeException e) {
        context.logger().log(Level.WARNING, "Stripe {0} failed for tenant {1}: {2} {3} (HTTP {4}, request {5})",
                what, context.tenantSlug(), e.getClass().getSimpleName(), StripeFailures.code(e),
                e.getStatusCode(), e.getRequestId());
    }

    static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
