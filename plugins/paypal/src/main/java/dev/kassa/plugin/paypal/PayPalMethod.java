package dev.kassa.plugin.paypal;

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
 * PayPal Checkout, method code {@value #CODE}.
 *
 * <ul>
 * <li>{@link #pay}: an Orders v2 order (intent CAPTURE) with the attempt id as {@code PayPal-Request-Id},
 *     answered ACTION_REQUIRED with a redirect to PayPal's approval page, which sends the payer back
 *     to the client area's return (or cancel) URL.</li>
 * <li>{@link #paymentStatus}: the order, captured when the payer has approved it (the janitor asks
 *     shortly after the payer's return). Paid only when the capture is {@code COMPLETED}.</li>
 * <li>{@link #refund}: a refund of the order's capture, full or partial; {@link #refundStatus}.</li>
 * <li>Vaulting: a payment with {@code saveMethod} asks PayPal to {@code store_in_vault} on success,
 *     and the captured order names the vaulted account; {@link #setUp} saves one without paying
 *     ({@link PayPalVault}); {@link #payOffSession} charges it for renewals; {@link #remove} deletes it.</li>
 * <li>{@link #receive}: webhooks verified offline ({@link PayPalSignature}) with the tenant's
 *     webhook id, or by PayPal's verify API when the tenant sets {@code webhookVerification=api}
 *     ({@link PayPalVerifyApi}), the order or refund fetched again before anything is applied ({@link PayPalEvents}).</li>
 * </ul>
 *
 * <p>Stateless: each call fetches a token with the tenant's client id and secret, and calls PayPal through
 * PayPal's Java server SDK ({@link PayPalApi}).
 */
@Extension
public class PayPalMethod
        implements PaymentMethod, WebhookReceiver, StatusQuery, Refunds, SavedMethods, OffSessionPayments {
    /** The method's code in the platform's API. */
    public static final String CODE = "paypal";

    private static final MethodInfo INFO = new MethodInfo(CODE,
            Map.of("en", "PayPal", "fr", "PayPal", "de", "PayPal"),
            Map.of("en", "Instant", "fr", "Immédiat", "de", "Sofort"),
            PayPalCurrencies.CODES, Set.of(), PayPalCredentials.fields());

    private final PayPalCertificates certificates;

    public PayPalMethod() {
        this(PayPalCertificates.fetched());
    }

    /** With another source of signing certificates (tests). */
    public PayPalMethod(PayPalCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public MethodInfo info() {
        return INFO;
    }

    /** {@inheritDoc} PayPal takes HUF and TWD only in whole units. */
    @Override
    public boolean accepts(Amount amount) {
        return PayPalCurrencies.represents(amount);
    }

    @Override
    public Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        return PayPalCredentials.normalize(credentials);
    }

    @Override
    public List<CredentialProblem> checkCredentials(Map<String, String> credentials) {
        return PayPalCredentials.check(credentials);
    }

    @Override
    public PaymentResult pay(MethodContext context, PaymentRequest request) {
        PayPalOrders orders = new PayPalOrders(new PayPalApi(context));
        return request.savedMethodToken() == null ? orders.pay(request) : orders.payWithVault(request);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Without a gateway reference the order's creation never got an answer: PayPal cannot be
     * searched by our id, and an order nobody was sent to approve takes no money, so the answer is
     * DECLINED.
     */
    @Override
    public PaymentResult paymentStatus(MethodContext context, String gatewayReference, String attemptId) {
        return new PayPalOrders(new PayPalApi(context)).status(gatewayReference, attemptId);
    }

    @Override
    public PaymentResult payOffSession(MethodContext context, PaymentRequest request) {
        return new PayPalOrders(new PayPalApi(context)).payWithVault(request);
    }

    @Override
    public SetupResult setUp(MethodContext context, SetupRequest request) {
        return new PayPalVault(new PayPalApi(context)).setUp(request);
    }

    @Override
    public SetupResult setupStatus(MethodContext context, String gatewayReference) {
        return new PayPalVault(new PayPalApi(context)).status(gatewayReference);
    }

    @Override
    public void remove(MethodContext context, String token) {
        new PayPalVault(new PayPalApi(context)).remove(token);
    }

    @Override
    public RefundResult refund(MethodContext context, RefundRequest request) {
        return new PayPalRefunds(new PayPalApi(context)).refund(request);
    }

    @Override
    public Optional<RefundResult> refundStatus(MethodContext context, String gatewayReference) {
        return Optional.of(new PayPalRefunds(new PayPalApi(context)).status(gatewayReference));
    }

    @Override
    public WebhookEvent receive(MethodContext context, WebhookRequest request) {
        PayPalApi api = new PayPalApi(context);
        if (PayPalCredentials.API.equals(context.credential(PayPalCredentials.WEBHOOK_VERIFICATION).orElse(null))) {
            PayPalVerifyApi.verify(context, api, request, TOLERANCE);
        } else {
            PayPalSignature.verify(context, request, certificates, TOLERANCE);
        }
        return new PayPalEvents(api, context).read(request.body());
    }
}
