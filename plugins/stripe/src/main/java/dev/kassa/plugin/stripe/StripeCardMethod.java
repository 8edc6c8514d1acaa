package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.MethodInfo;
import dev.kassa.api.payment.OffSessionPayments;
import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookReceiver;
import dev.kassa.api.payment.WebhookRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Cards (and whatever else the tenant's Stripe dashboard enables for automatic payment methods)
 * through Stripe, method code {@value #CODE}.
 *
 * <ul>
 * <li>{@link #pay}: with a return URL (a customer in the client area), a Checkout Session: Stripe's
 *     hosted page, where the customer enters the card and passes 3-D Secure (ACTION_REQUIRED with
 *     a redirect to it). Without one (an API client), a PaymentIntent the customer confirms in the
 *     browser with Stripe.js (ACTION_REQUIRED with the client secret and the tenant's publishable
 *     key).</li>
 * <li>{@link #payOffSession}: a confirmed off-session PaymentIntent with a saved card.</li>
 * <li>{@link #setUp}: with a return URL, a Checkout Session in setup mode; without, a SetupIntent
 *     for off-session use. {@link #remove} detaches the card.</li>
 * <li>{@link #refund}: a Refund of the PaymentIntent.</li>
 * <li>{@link #paymentStatus}, {@link #setupStatus}: an intent, or a session ({@code cs_...}) with
 *     the intent it made.</li>
 * <li>{@link #receive}: signed events ({@code Stripe-Signature}, checked against the platform's
 *     clock) about Checkout Sessions, PaymentIntents, SetupIntents and refunds.</li>
 * </ul>
 *
 * <p>Amounts go to Stripe in Stripe's units and come back in ISO 4217 minor units
 * ({@link StripeUnits}); the method takes the currencies whose units at Stripe it knows, and no
 * amount it would have to round.
 *
 * <p>Every gateway write carries the platform's id as Stripe's {@code Idempotency-Key}: the
 * attempt id, the saved-method id, the refund id, or {@code kassa-customer-<account id>} for the
 * Stripe Customer created on the first payment. How failures are reported is described in
 * {@link StripeFailures}: card declines and requests Stripe refuses are DECLINED, everything that
 * leaves the outcome open is UNKNOWN. Stateless: each call builds its own client from the tenant's
 * credentials.
 */
@Extension
public class StripeCardMethod
        implements PaymentMethod, WebhookReceiver, StatusQuery, SavedMethods, OffSessionPayments, Refunds {
    /** The method's code in the platform's API. */
    public static final String CODE = "stripe-card";

    private static final MethodInfo INFO = new MethodInfo(CODE,
            Map.of("en", "Card", "fr", "Carte bancaire", "de", "Karte"),
            Map.of("en", "Instant", "fr", "Immédiat", "de", "Sofort"),
            StripeUnits.currencies(), Set.of(), StripeCredentials.fields());

    @Override
    public MethodInfo info() {
        return INFO;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Stripe counts some currencies in other units than ISO 4217 ({@link StripeUnits}): ISK in
     * hundredths, three-decimal currencies in steps of ten. What it cannot take exactly is refused.
     */
    @Override
    public boolean accepts(Amount amount) {
        return StripeUnits.represents(amount);
    }

    @Override
    public List<CredentialProblem> checkCredentials(Map<String, String> credentials) {
        return StripeCredentials.check(credentials);
    }

    @Override
    public PaymentResult pay(MethodContext context, PaymentRequest request) {
        return new StripePayments(new StripeAccount(context)).pay(request);
    }

    @Override
    public PaymentResult payOffSession(MethodContext context, PaymentRequest request) {
        return new StripePayments(new StripeAccount(context)).payOffSession(request);
    }

    /** {@inheritDoc} Without a gateway reference, Stripe's search finds the intent by its attempt id. */
    @Override
    public PaymentResult paymentStatus(MethodContext context, String gatewayReference, String attemptId) {
        return new StripePayments(new StripeAccount(context)).status(gatewayReference, attemptId);
    }

    @Override
    public SetupResult setUp(MethodContext context, SetupRequest request) {
        return new StripeSetups(new StripeAccount(context)).setUp(request);
    }

    @Override
    public SetupResult setupStatus(MethodContext context, String gatewayReference) {
        return new StripeSetups(new StripeAccount(context)).status(gatewayReference);
    }

    @Override
    public void remove(MethodContext context, String token) {
        new StripeSetups(new StripeAccount(context)).remove(token);
    }

    @Override
    public RefundResult refund(MethodContext context, RefundRequest request) {
        return new StripeRefunds(new StripeAccount(context)).refund(request);
    }

    @Override
    public Optional<RefundResult> refundStatus(MethodContext context, String gatewayReference) {
        return Optional.of(new StripeRefunds(new StripeAccount(context)).status(gatewayReference));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A succeeded SetupIntent's event names its card only by id; the card's details are then
     * read from Stripe with the tenant's key, and if that fails the set-up is reported PENDING for
     * the platform to ask {@link #setupStatus} later.
     */
    @Override
    public WebhookEvent receive(MethodContext context, WebhookRequest request) {
        byte[] body = request.body();
        StripeSignature.verify(body, request.header(StripeSignature.HEADER).orElse(null),
                context.requiredCredential(StripeCredentials.WEBHOOK_SECRET), context.clock().instant(), TOLERANCE);
        return new StripeAccount(context).events().read(body);
    }
}
