package dev.kassa.testkit.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateful fake of the Stripe API on a local port (WireMock), for the Stripe plugin's tests in
 * the same JVM and for server tests that run Kassa in another process with
 * {@code KASSA_PLUGINS_STRIPE_API_BASE} set to {@link #baseUrl()}.
 *
 * <p>It serves what the plugin uses: customers; payment intents (create, retrieve, confirm, cancel,
 * search by metadata); setup intents (create, retrieve, confirm); payment methods (retrieve,
 * detach); refunds (create, retrieve); Checkout Sessions (create, retrieve, expire) with a minimal
 * hosted page at each session's {@code url} ({@link HostedPage}: Pay, Decline, and a 3-D Secure
 * step before Pay when the test card wants it), which redirects back to the session's success or
 * cancel URL and sends the signed webhooks to the account's endpoint ({@link #sendWebhooks}).
 * Answers are Stripe's published example objects
 * ({@code stripe/fixtures3.json}) with the fake's values put in. Every API key is its own account;
 * an {@code Idempotency-Key} seen before returns the first answer again, as Stripe does. Amounts
 * are checked as Stripe checks them: ISK only in whole krónur (multiples of 100 of Stripe's
 * units), three-decimal currencies only ending in 0; {@link PaymentIntentView#isoAmount()} reads
 * Stripe's units back into ISO 4217 minor units.
 *
 * <p>A test scripts the gateway ({@link #nextPaymentDeclines}, {@link #delayNext}), plays the
 * customer and the banks ({@link #customerConfirms}, {@link #settle}), inspects what was sent
 * ({@link #idempotencyKeys}, {@link #paymentIntent}) and builds signed webhook deliveries
 * ({@link #paymentEvent}, {@link #delivery}). Thread-safe.
 *
 * <pre>{@code
 * try (StripeFake stripe = new StripeFake().start()) {
 *     // context credentials: stripe.credentials(); operator settings: stripe.operatorSettings()
 *     PaymentResult started = method.pay(context, request);     // ACTION_REQUIRED
 *     stripe.customerConfirms(started.gatewayReference());       // as Stripe.js would
 *     method.receive(context, stripe.paymentEvent(started.gatewayReference(), clock.instant()).toWebhookRequest());
 * }
 * }</pre>
 */
public final class StripeFake implements AutoCloseable {
    /** The secret key of the fake's default account (any {@code sk_...} key works: each is an account). */
    public static final String SECRET_KEY = "sk_test_kassaFakeSecretKey0000";
    public static final String PUBLISHABLE_KEY = "pk_test_kassaFakePublishableKey0000";
    /** The secret {@link #delivery} and the other webhook builders sign with. */
    public static final String WEBHOOK_SECRET = "whsec_kassaFakeWebhookSecret0000";

    private final StripeTemplates templates;
    private final Clock clock;
    private WireMockServer server;
    private StripeBackend backend;
    private StripeHttp http;
    private WebhookSender webhooks;

    public StripeFake() {
        this(Clock.systemUTC());
    }

    /** @param clock dates the objects and events the fake creates */
    public StripeFake(Clock clock) {
        this.templates = StripeTemplates.load();
        this.clock = clock;
    }

    /** Starts listening on a free port of 127.0.0.1. */
    public synchronized StripeFake start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        backend = new StripeBackend(new StripeRenderer(templates), clock);
        webhooks = new WebhookSender(backend, new StripeRenderer(templates), clock);
        http = new StripeHttp(backend, webhooks);
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .gzipDisabled(true)
                .extensions(http));
        wireMock.start();
        backend.redirectBase("http://127.0.0.1:" + wireMock.port());
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
        server = wireMock;
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API base for stripe-java and {@code KASSA_PLUGINS_STRIPE_API_BASE}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + running().port();
    }

    /** The Stripe plugin's credentials for the fake's default account. */
    public Map<String, String> credentials() {
        return Map.of("secretKey", SECRET_KEY, "publishableKey", PUBLISHABLE_KEY, "webhookSecret", WEBHOOK_SECRET);
    }

    /** The Stripe plugin's operator settings pointing at the fake: {@code API_BASE}. */
    public Map<String, String> operatorSettings() {
        return Map.of("API_BASE", baseUrl());
    }

    /** The underlying WireMock server, to verify raw requests. */
    public WireMockServer wireMock() {
        return running();
    }

    /** Forgets every object, script, fault, recorded key, webhook endpoint and sent webhook. */
    public void reset() {
        running();
        http.reset();
        backend.reset();
        webhooks.reset();
        server.resetRequests();
    }

    // ---- scripting the gateway

    /** The next confirmation of a PaymentIntent is declined: {@code card_declined} with this decline code. */
    public void nextPaymentDeclines(String declineCode) {
        backend().scriptPayment(new Script(Script.Kind.DECLINE, declineCode));
    }

    /** The next on-session confirmation needs 3-D Secure: {@code requires_action} with a {@code redirect_to_url}. */
    public void nextPaymentRequiresAction() {
        backend().scriptPayment(new Script(Script.Kind.AUTHENTICATE, null));
    }

    /** The next confirmation is accepted but stays {@code processing} until {@link #settle}. */
    public void nextPaymentProcessing() {
        backend().scriptPayment(new Script(Script.Kind.PROCESS, null));
    }

    /** The next off-session confirmation fails with {@code authentication_required} (402, the intent in the error). */
    public void nextOffSessionNeedsAuthentication() {
        backend().scriptPayment(new Script(Script.Kind.AUTHENTICATE, null));
    }

    /** The next SetupIntent confirmation fails with this decline code. */
    public void nextSetupFails(String declineCode) {
        backend().scriptSetup(new Script(Script.Kind.DECLINE, declineCode));
    }

    /** The next SetupIntent confirmation needs 3-D Secure. */
    public void nextSetupRequiresAction() {
        backend().scriptSetup(new Script(Script.Kind.AUTHENTICATE, null));
    }

    /** The next refund stays {@code pending} until {@link #settleRefund}. */
    public void nextRefundPending() {
        backend().scriptRefund(new Script(Script.Kind.REFUND_PENDING, null));
    }

    /** The next refund is {@code failed} with this {@code failure_reason}. */
    public void nextRefundFails(String reason) {
        backend().scriptRefund(new Script(Script.Kind.REFUND_FAIL, reason));
    }

    /** The next request (any endpoint) is carried out, but answered only after {@code delay}. */
    public void delayNext(Duration delay) {
        delayNext(Endpoint.ANY, delay);
    }

    /** The next request to {@code endpoint} is carried out, but answered only after {@code delay}. */
    public void delayNext(Endpoint endpoint, Duration delay) {
        http().addFault(endpoint, delay, false);
    }

    /** The next request (any endpoint) fails with a 500 before anything happens (and is not remembered for its key). */
    public void failNextWith500() {
        failNextWith500(Endpoint.ANY);
    }

    public void failNextWith500(Endpoint endpoint) {
        http().addFault(endpoint, null, true);
    }

    // ---- the customer and the banks

    /**
     * The customer confirms the PaymentIntent in the browser, as Stripe.js would with the test card
     * 4242 (or, for an intent in {@code requires_action}, completes 3-D Secure). The next scripted
     * outcome applies; by default the payment succeeds.
     */
    public void customerConfirms(String paymentIntentId) {
        backend().customerConfirms(paymentIntentId);
    }

    /** A pending PaymentIntent succeeds: {@code amount_received} is its amount. */
    public void settle(String paymentIntentId) {
        backend().settle(paymentIntentId);
    }

    /** A PaymentIntent fails: back to {@code requires_payment_method} with a {@code last_payment_error}. */
    public void fail(String paymentIntentId, String declineCode) {
        backend().fail(paymentIntentId, declineCode);
    }

    /** The customer enters the test card for a SetupIntent (or completes its 3-D Secure). */
    public void customerConfirmsSetup(String setupIntentId) {
        backend().customerConfirmsSetup(setupIntentId);
    }

    public void failSetup(String setupIntentId, String declineCode) {
        backend().failSetup(setupIntentId, declineCode);
    }

    public void settleRefund(String refundId) {
        backend().settleRefund(refundId);
    }

    public void failRefund(String refundId, String reason) {
        backend().failRefund(refundId, reason);
    }

    // ---- the hosted payment page (Checkout Sessions)

    /**
     * Where the hosted pages of the account with {@code secretKey} send their events: each step a
     * customer takes on a page (and an expiry) delivers Stripe's events to {@code url} at once,
     * signed with {@link #WEBHOOK_SECRET}, before the page answers. Without an endpoint nothing is
     * sent. The other webhook builders ({@link #paymentEvent} and so on) are unaffected.
     */
    public void sendWebhooks(String secretKey, URI url) {
        sendWebhooks(secretKey, url, WEBHOOK_SECRET);
    }

    public void sendWebhooks(String secretKey, URI url, String signingSecret) {
        webhooks().endpoint(secretKey, url, signingSecret);
    }

    /** Every webhook the hosted pages sent, in order, with the endpoint's answer. */
    public List<SentWebhook> sentWebhooks() {
        return webhooks().sent();
    }

    /**
     * The customer pays on the hosted page with Stripe's test card 4242 4242 4242 4242, as if they
     * pressed Pay: the next scripted outcome applies ({@link #nextPaymentDeclines},
     * {@link #nextPaymentRequiresAction}, ...), by default success. In setup mode the card is saved.
     *
     * @return where the page sends the browser: the success URL, the cancel URL after a decline, the
     *     3-D Secure page; null when it stays on the page
     */
    public String customerPaysOnPage(String sessionId) {
        return customerPaysOnPage(sessionId, "4242424242424242");
    }

    /**
     * As {@link #customerPaysOnPage(String)}, with one of Stripe's test cards (4000 0027 6000 3184
     * wants 3-D Secure).
     */
    public String customerPaysOnPage(String sessionId, String cardNumber) {
        return step(backend().submitCheckout(sessionId, cardNumber, false));
    }

    /** The customer presses Decline on the hosted page: the card is declined ({@code generic_decline}). */
    public String customerDeclinesOnPage(String sessionId) {
        return step(backend().submitCheckout(sessionId, null, true));
    }

    /** The customer completes (or fails) 3-D Secure on the page the bank showed after Pay. */
    public String customerAuthenticatesOnPage(String sessionId, boolean passes) {
        return step(backend().authenticateCheckout(sessionId, passes));
    }

    /**
     * The session expires unpaid, as Stripe's do after {@code expires_at};
     * {@code checkout.session.expired} is sent.
     */
    public void expireSession(String sessionId) {
        backend().expireCheckout(sessionId);
        webhooks().flush();
    }

    public Optional<CheckoutSessionView> checkoutSession(String id) {
        return backend().checkoutSessionView(id);
    }

    public List<CheckoutSessionView> checkoutSessions() {
        return backend().checkoutSessionViews();
    }

    /**
     * The event Stripe would send now about a Checkout Session: {@code checkout.session.completed}
     * once complete, {@code .expired} once expired.
     *
     * @throws IllegalStateException while the session is open: Stripe sends nothing about it then
     */
    public SignedDelivery sessionEvent(String sessionId, Instant signedAt) {
        CheckoutSessionView session = checkoutSession(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("the fake knows no Checkout Session " + sessionId));
        String type = switch (session.status()) {
            case "complete" -> "checkout.session.completed";
            case "expired" -> "checkout.session.expired";
            default -> throw new IllegalStateException("Stripe sends no event about an open Checkout Session");
        };
        return delivery(type, sessionId, signedAt);
    }

    private String step(CheckoutStep step) {
        webhooks().flush();
        return step.url();
    }

    // ---- what the fake saw

    /** Every {@code Idempotency-Key} of a POST, in the order received (replays included). */
    public List<String> idempotencyKeys() {
        return http().idempotencyKeys();
    }

    public Optional<PaymentIntentView> paymentIntent(String id) {
        return backend().paymentIntentView(id);
    }

    public List<PaymentIntentView> paymentIntents() {
        return backend().paymentIntentViews();
    }

    /** The PaymentIntent whose {@code kassa_attempt} metadata is {@code attemptId}. */
    public Optional<PaymentIntentView> paymentIntentOfAttempt(String attemptId) {
        return paymentIntents().stream().filter(pi -> attemptId.equals(pi.metadata().get("kassa_attempt"))).findFirst();
    }

    public Optional<SetupIntentView> setupIntent(String id) {
        return backend().setupIntentView(id);
    }

    public Optional<RefundView> refund(String id) {
        return backend().refundView(id);
    }

    public List<RefundView> refunds() {
        return backend().refundViews();
    }

    /** The ids of the customers created, in order. */
    public List<String> customers() {
        return backend().customerIds();
    }

    /** Whether the PaymentMethod exists and is attached to a customer. */
    public boolean isAttached(String paymentMethodId) {
        return backend().paymentMethodCustomer(paymentMethodId).isPresent();
    }

    // ---- webhooks

    /**
     * The body of a new event of {@code type} (a new {@code evt_} id each time) about the current
     * state of an object the fake knows (a PaymentIntent, SetupIntent, Refund, charge, ...),
     * created now by the fake's clock.
     */
    public byte[] event(String type, String objectId) {
        return event(type, objectId, clock.instant());
    }

    public byte[] event(String type, String objectId, Instant created) {
        JsonObject object = backend().object(objectId)
                .orElseThrow(() -> new IllegalArgumentException("the fake knows no object " + objectId));
        JsonObject event = new StripeRenderer(templates).event(Ids.next("evt"), type, object, created.getEpochSecond(),
                backend().idempotencyKeyOf(objectId));
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code Stripe-Signature} header for {@code body} signed with {@code secret} at {@code unixTime}. */
    public static String signatureHeader(byte[] body, String secret, long unixTime) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixTime + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + unixTime + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code body} signed with {@link #WEBHOOK_SECRET} at {@code signedAt}. */
    public static SignedDelivery sign(byte[] body, Instant signedAt) {
        return new SignedDelivery(body, signatureHeader(body, WEBHOOK_SECRET, signedAt.getEpochSecond()));
    }

    /** A new event of {@code type} about {@code objectId}, signed at {@code signedAt}. */
    public SignedDelivery delivery(String type, String objectId, Instant signedAt) {
        return sign(event(type, objectId, signedAt), signedAt);
    }

    /**
     * The event Stripe would send now about a PaymentIntent: {@code payment_intent.succeeded},
     * {@code .payment_failed}, {@code .requires_action}, {@code .processing}, {@code .canceled}, or
     * {@code .created} for a fresh one.
     */
    public SignedDelivery paymentEvent(String paymentIntentId, Instant signedAt) {
        PaymentIntentView intent = paymentIntent(paymentIntentId)
                .orElseThrow(() -> new IllegalArgumentException("the fake knows no PaymentIntent " + paymentIntentId));
        String type = switch (intent.status()) {
            case "succeeded" -> "payment_intent.succeeded";
            case "requires_action" -> "payment_intent.requires_action";
            case "processing" -> "payment_intent.processing";
            case "canceled" -> "payment_intent.canceled";
            case "requires_payment_method" -> intent.errorCode() != null ? "payment_intent.payment_failed"
                    : "payment_intent.created";
            default -> "payment_intent.created";
        };
        return delivery(type, paymentIntentId, signedAt);
    }

    /** The event Stripe would send now about a SetupIntent: {@code setup_intent.succeeded}, {@code .setup_failed}, ... */
    public SignedDelivery setupEvent(String setupIntentId, Instant signedAt) {
        SetupIntentView intent = setupIntent(setupIntentId)
                .orElseThrow(() -> new IllegalArgumentException("the fake knows no SetupIntent " + setupIntentId));
        String type = switch (intent.status()) {
            case "succeeded" -> "setup_intent.succeeded";
            case "requires_action" -> "setup_intent.requires_action";
            case "canceled" -> "setup_intent.canceled";
            case "requires_payment_method" -> intent.errorCode() != null ? "setup_intent.setup_failed"
                    : "setup_intent.created";
            default -> "setup_intent.created";
        };
        return delivery(type, setupIntentId, signedAt);
    }

    /**
     * The event Stripe would send now about a refund: {@code charge.refunded} (the charge, listing
     * its refunds, as in the recorded event) once it succeeded, else {@code refund.updated}.
     */
    public SignedDelivery refundEvent(String refundId, Instant signedAt) {
        RefundView refund = refund(refundId)
                .orElseThrow(() -> new IllegalArgumentException("the fake knows no Refund " + refundId));
        if (!refund.status().equals("succeeded")) {
            return delivery("refund.updated", refundId, signedAt);
        }
        JsonObject charge = backend().chargeOfRefund(refundId).orElseThrow();
        JsonObject event = new StripeRenderer(templates).event(Ids.next("evt"), "charge.refunded", charge,
                signedAt.getEpochSecond(), refund.idempotencyKey());
        return sign(event.toString().getBytes(StandardCharsets.UTF_8), signedAt);
    }

    private synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("the Stripe fake is not started");
        }
        return server;
    }

    private StripeBackend backend() {
        running();
        return backend;
    }

    private StripeHttp http() {
        running();
        return http;
    }

    private WebhookSender webhooks() {
        running();
        return webhooks;
    }
}
