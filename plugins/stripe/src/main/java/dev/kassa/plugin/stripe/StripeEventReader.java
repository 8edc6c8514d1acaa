package dev.kassa.plugin.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.Reversal;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a verified Stripe event into a {@link WebhookEvent}.
 *
 * <p>The event's {@code data.object} is read with the models of the bundled stripe-java whatever
 * the endpoint's {@code api_version}: fields that older versions send and newer ones dropped are
 * skipped, and the fields used here (status, amounts, metadata, errors, next action) have kept their
 * meaning. Types that say nothing the platform needs are {@link WebhookEvent#ignored ignored}.
 *
 * <p>A payment on the hosted page is reported twice: by {@code checkout.session.completed} (or
 * {@code .expired}, {@code .async_payment_*}) about the session and by {@code payment_intent.*}
 * about the intent it made, both naming the attempt. Each is read for what it says; the platform
 * applies whichever comes first and finds the attempt already settled by the other.
 */
final class StripeEventReader {
    private static final Set<String> PAYMENT_TYPES = Set.of("payment_intent.succeeded",
            "payment_intent.payment_failed", "payment_intent.canceled", "payment_intent.processing",
            "payment_intent.requires_action", "payment_intent.amount_capturable_updated");
    private static final Set<String> SETUP_TYPES = Set.of("setup_intent.succeeded", "setup_intent.setup_failed",
            "setup_intent.canceled", "setup_intent.requires_action");
    private static final Set<String> REFUND_TYPES = Set.of("refund.created", "refund.updated", "refund.failed",
            "charge.refund.updated");
    private static final String CHARGE_REFUNDED = "charge.refunded";
    private static final Set<String> SESSION_TYPES = Set.of("checkout.session.completed",
            "checkout.session.expired", "checkout.session.async_payment_succeeded");
    private static final String SESSION_ASYNC_FAILED = "checkout.session.async_payment_failed";
    private static final String DISPUTE_FUNDS_WITHDRAWN = "charge.dispute.funds_withdrawn";

    private final PaymentIntentMapping payments;
    private final SetupIntentMapping setups;
    private final CheckoutSessionMapping sessions;
    private final Function<String, Optional<PaymentMethod>> paymentMethods;

    StripeEventReader(PaymentIntentMapping payments, SetupIntentMapping setups, CheckoutSessionMapping sessions,
            Function<String, Optional<PaymentMethod>> paymentMethods) {
        this.payments = payments;
        this.setups = setups;
        this.sessions = sessions;
        this.paymentMethods = paymentMethods;
    }

    WebhookEvent read(byte[] body) {
        Event event = parse(body);
        String id = event.getId();
        String type = event.getType();
        if (PAYMENT_TYPES.contains(type)) {
            PaymentIntent intent = object(event, PaymentIntent.class);
            return WebhookEvent.payment(id, type, payments.map(intent, savedWith(intent)));
        }
        if (SETUP_TYPES.contains(type)) {
            return WebhookEvent.setup(id, type, setups.map(object(event, SetupIntent.class)));
        }
        if (SESSION_TYPES.contains(type) || SESSION_ASYNC_FAILED.equals(type)) {
            Session session = object(event, Session.class);
            if (CheckoutSessionMapping.isSetup(session)) {
                return WebhookEvent.setup(id, type, sessions.setup(session));
            }
            return WebhookEvent.payment(id, type, SESSION_ASYNC_FAILED.equals(type)
                    ? sessions.asyncFailure(session) : sessions.payment(session));
        }
        if (REFUND_TYPES.contains(type)) {
            return WebhookEvent.refund(id, type, RefundMapping.map(object(event, Refund.class)));
        }
        if (DISPUTE_FUNDS_WITHDRAWN.equals(type)) {
            return disputed(id, type, object(event, Dispute.class));
        }
        if (CHARGE_REFUNDED.equals(type)) {
            return latestRefund(object(event, Charge.class))
                    .map(refund -> WebhookEvent.refund(id, type, RefundMapping.map(refund)))
                    .orElseGet(() -> WebhookEvent.ignored(id, type));
        }
        return WebhookEvent.ignored(id, type);
    }

    /**
     * Stripe took a disputed payment's money back ({@code charge.dispute.funds_withdrawn}): a
     * reversal of the PaymentIntent, once per dispute. A dispute Stripe later decides for the
     * merchant ({@code charge.dispute.funds_reinstated}) is not read: the tenant credits it back.
     */
    private static WebhookEvent disputed(String id, String type, Dispute dispute) {
        Optional<Amount> amount = dispute.getAmount() == null || dispute.getCurrency() == null ? Optional.empty()
                : StripeUnits.fromStripe(dispute.getAmount(), dispute.getCurrency());
        if (dispute.getPaymentIntent() == null || amount.isEmpty() || amount.get().minor() == 0) {
            return WebhookEvent.ignored(id, type);
        }
        String reason = dispute.getReason() == null ? "dispute" : dispute.getReason();
        return WebhookEvent.reversal(id, type, new Reversal(dispute.getPaymentIntent(), null, dispute.getId(),
                amount.get(), reason, "Stripe withdrew the funds of a dispute (" + reason + ")"));
    }

    private static Event parse(byte[] body) {
        Event event;
        try {
            event = Webhook.constructEventWithoutVerification(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // gson's JsonParseException: the body is not JSON of an event
            throw new InvalidWebhookException("the body is not a Stripe event", e);
        }
        if (event == null || event.getId() == null || event.getType() == null
                || event.getDataObjectDeserializer() == null) {
            throw new InvalidWebhookException("the body is not a Stripe event");
        }
        return event;
    }

    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw new InvalidWebhookException("unreadable data.object in a " + event.getType() + " event", e);
        }
        if (!type.isInstance(object)) {
            throw new InvalidWebhookException("a " + event.getType() + " event without a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** The card saved along with a successful payment, when the customer asked to keep it and Stripe can say. */
    private SavedMethodDetails savedWith(PaymentIntent intent) {
        if (!"succeeded".equals(intent.getStatus()) || intent.getSetupFutureUsage() == null) {
            return null;
        }
        if (intent.getPaymentMethodObject() != null) {
            return SetupIntentMapping.details(intent.getPaymentMethodObject());
        }
        if (intent.getPaymentMethod() == null) {
            return null;
        }
        return paymentMethods.apply(intent.getPaymentMethod()).map(SetupIntentMapping::details).orElse(null);
    }

    /**
     * The charge's newest refund. Events of API versions before 2022-11-15 list the refunds on the
     * charge; newer ones do not, and their {@code refund.*} events say the same.
     */
    private static Optional<Refund> latestRefund(Charge charge) {
        if (charge.getRefunds() == null || charge.getRefunds().getData() == null) {
            return Optional.empty();
        }
        List<Refund> refunds = charge.getRefunds().getData();
        return refunds.stream()
                .max(Comparator.comparingLong((Refund refund) -> refund.getCreated() == null ? 0 : refund.getCreated()));
    }
}
