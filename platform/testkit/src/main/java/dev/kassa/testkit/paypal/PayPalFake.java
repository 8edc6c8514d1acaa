package dev.kassa.testkit.paypal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.kassa.api.payment.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful fake of PayPal's REST API on a local port (WireMock), for the PayPal plugin's tests in
 * the same JVM and for server tests that run Kassa with {@code KASSA_PLUGINS_PAYPAL_API_BASE} set to
 * {@link #baseUrl()}.
 *
 * <p>It serves what the plugin uses (Vault v3 setup and payment tokens too): {@code POST /v1/oauth2/token} (client credentials, Basic auth
 * with {@link #CLIENT_ID}/{@link #CLIENT_SECRET}; any other client id with the same secret is
 * another merchant), Orders v2 (create, show, capture), refunds of captures (create, show), the
 * webhook signing certificate at {@link #CERT_PATH}, and an approval page at each order's
 * {@code payer-action} link ({@link PayPalApprovalPage}). A repeated {@code PayPal-Request-Id}
 * replays the first answer, as PayPal does. Amounts are checked as PayPal checks them: no decimals
 * for JPY, HUF and TWD, two for the others, no three-decimal currencies.
 *
 * <p>A test scripts the gateway ({@link #nextCaptureDeclined}, {@link #nextCapturePending},
 * {@link #nextRefundPending}, {@link #delayNextOrder}, {@link #failNextOrderWith500}), plays the payer
 * and the banks ({@link #approve}, {@link #settle}, {@link #settleRefund}, {@link #expire}) and builds
 * signed deliveries ({@link #orderEvent}, {@link #captureEvent}, {@link #refundEvent}). With
 * {@link #sendWebhooksTo} the approval page also delivers {@code CHECKOUT.ORDER.APPROVED} there, signed.
 */
public final class PayPalFake implements AutoCloseable {
    public static final String CLIENT_ID = "AKassaFakeClientId0000000000000000000000";
    public static final String CLIENT_SECRET = "EKassaFakeClientSecret00000000000000000000";
    public static final String WEBHOOK_ID = "9KASSAFAKEWEBHOOK01";
    public static final String MERCHANT_ID = "KASSAFAKEMERCH1";
    public static final String CERT_PATH = "/v1/notifications/certs/CERT-kassa-fake";

    private final Clock clock;
    private final PayPalBackend backend;
    private final Http http = new Http();
    private final AtomicLong events = new AtomicLong();
    private final HttpClient client = HttpClient.newHttpClient();
    private WireMockServer server;
    private final Map<String, String> webhookEndpoints = new java.util.concurrent.ConcurrentHashMap<>();

    public PayPalFake() {
        this(Clock.systemUTC());
    }

    public PayPalFake(Clock clock) {
        this.clock = clock;
        this.backend = new PayPalBackend(clock);
    }

    /** Starts listening on a free port of 127.0.0.1. */
    public synchronized PayPalFake start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").gzipDisabled(true).extensions(http));
        wireMock.start();
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
        server = wireMock;
        backend.base(baseUrl());
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** {@code http://127.0.0.1:<port>}: {@code KASSA_PLUGINS_PAYPAL_API_BASE}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + running().port();
    }

    /** The PayPal plugin's credentials for the fake's account. */
    public Map<String, String> credentials() {
        return credentials(CLIENT_ID);
    }

    /** Credentials for another merchant of the fake: any client id with {@link #CLIENT_SECRET}. */
    public Map<String, String> credentials(String clientId) {
        return Map.of("clientId", clientId, "clientSecret", CLIENT_SECRET, "webhookId", WEBHOOK_ID,
                "environment", "sandbox", "merchantId", MERCHANT_ID);
    }

    public Map<String, String> operatorSettings() {
        return Map.of("API_BASE", baseUrl());
    }

    public void reset() {
        backend.reset();
        http.reset();
        webhookEndpoints.clear();
    }

    // ---- scripting

    public void nextCaptureDeclined() {
        backend.script(PayPalBackend.Script.CAPTURE_DECLINED);
    }

    public void nextCapturePending() {
        backend.script(PayPalBackend.Script.CAPTURE_PENDING);
    }

    public void nextRefundPending() {
        backend.script(PayPalBackend.Script.REFUND_PENDING);
    }

    /**
     * The next order that asks to vault the payer's account ({@code store_in_vault}) is captured with
     * {@code vault.status} APPROVED and no id: PayPal saves the account later ({@link #vaultNow}) and
     * says so with {@code VAULT.PAYMENT-TOKEN.CREATED}.
     */
    public void nextVaultLate() {
        backend.script(PayPalBackend.Script.VAULT_LATE);
    }

    /** The next order is created, but answered only after {@code delay}. */
    public void delayNextOrder(Duration delay) {
        http.fault(delay, false);
    }

    /** The next order creation fails with a 500 before anything happens. */
    public void failNextOrderWith500() {
        http.fault(null, true);
    }

    /**
     * Where the approval page delivers {@code CHECKOUT.ORDER.APPROVED} for orders of the PayPal app
     * {@code clientId} (each client id is its own merchant at the fake): a Kassa webhook URL.
     */
    public void sendWebhooksTo(String clientId, String url) {
        webhookEndpoints.put(clientId, url);
    }

    // ---- the payer and the banks

    /** The payer approves the order on PayPal's page. */
    public void approve(String orderId) {
        if (!backend.approve(orderId)) {
            throw new IllegalStateException("order " + orderId + " cannot be approved");
        }
    }

    /** The payer agrees on PayPal's page to save the account (a Vault setup token). */
    public void approveSetup(String setupTokenId) {
        if (!backend.approveSetup(setupTokenId)) {
            throw new IllegalStateException("setup token " + setupTokenId + " cannot be approved");
        }
    }

    /** Whether the vault holds this payment token (it was made and not deleted). */
    public boolean hasPaymentToken(String paymentTokenId) {
        return backend.hasPaymentToken(paymentTokenId);
    }

    public void settle(String orderId) {
        backend.settle(orderId);
    }

    /** A pending capture is denied later (PAYMENT.CAPTURE.DENIED). */
    public void deny(String orderId) {
        backend.deny(orderId);
    }

    /** The order is forgotten, as PayPal forgets unapproved orders after a few hours. */
    public void expire(String orderId) {
        backend.expire(orderId);
    }

    public void settleRefund(String refundId) {
        backend.settleRefund(refundId);
    }

    /** PayPal saves the account of an order scripted with {@link #nextVaultLate}: the payment token's id. */
    public String vaultNow(String orderId) {
        return backend.vaultNow(orderId);
    }

    /** The payer removes the saved PayPal account at PayPal (it is gone from the vault). */
    public void forgetPaymentToken(String paymentTokenId) {
        backend.forgetPaymentToken(paymentTokenId);
    }

    /** PayPal takes back what is left of the order's capture (a chargeback): the reversal's id. */
    public String reverse(String orderId) {
        return backend.reverse(orderId);
    }

    /** Every {@code PayPal-Request-Id} received, in order. */
    public List<String> requestIds() {
        return http.requestIds();
    }

    /** The order's (or its capture's) amount in ISO 4217 minor units. */
    public OptionalLong orderAmount(String orderId) {
        return backend.order(orderId).map(o -> OptionalLong.of(PayPalBackend.isoMinor(o.currency, o.value)))
                .orElse(OptionalLong.empty());
    }

    public Optional<String> orderStatus(String orderId) {
        return backend.order(orderId).map(o -> o.status);
    }

    public OptionalLong refundAmount(String refundId) {
        return backend.refund(refundId).map(r -> OptionalLong.of(PayPalBackend.isoMinor(r.currency, r.value)))
                .orElse(OptionalLong.empty());
    }

    // ---- webhooks

    /** A signed {@code CHECKOUT.ORDER.<type>} delivery with the order as it stands. */
    public WebhookRequest orderEvent(String orderId, String type, Instant sentAt) {
        JsonObject order = backend.render(backend.order(orderId).orElseThrow());
        return delivery(type, "checkout-order", order, sentAt);
    }

    /** The event PayPal would send now about the order's payment: its capture's, else the approval. */
    public WebhookRequest paymentEvent(String orderId, Instant sentAt) {
        PayPalBackend.Order order = backend.order(orderId).orElseThrow();
        if (order.captureId == null) {
            return orderEvent(orderId, "CHECKOUT.ORDER.APPROVED", sentAt);
        }
        return captureEvent(orderId, sentAt);
    }

    /** A signed {@code PAYMENT.CAPTURE.*} delivery for the order's capture (type from its status). */
    public WebhookRequest captureEvent(String orderId, Instant sentAt) {
        PayPalBackend.Order order = backend.order(orderId).orElseThrow();
        JsonObject capture = backend.renderCapture(order);
        String status = capture.getString("status");
        String type = "DECLINED".equals(status) ? "PAYMENT.CAPTURE.DENIED"
                : "PENDING".equals(status) ? "PAYMENT.CAPTURE.PENDING" : "PAYMENT.CAPTURE.COMPLETED";
        return delivery(type, "capture", capture, sentAt);
    }

    /**
     * A signed {@code PAYMENT.CAPTURE.*} delivery whose capture leaves out {@code supplementary_data},
     * as older deliveries do: the order is only found by fetching the capture.
     */
    public WebhookRequest bareCaptureEvent(String orderId, Instant sentAt) {
        PayPalBackend.Order order = backend.order(orderId).orElseThrow();
        JsonObject capture = backend.renderCapture(order);
        jakarta.json.JsonObjectBuilder bare = Json.createObjectBuilder(capture);
        bare.remove("supplementary_data");
        return delivery("PAYMENT.CAPTURE.COMPLETED", "capture", bare.build(), sentAt);
    }

    public WebhookRequest refundEvent(String refundId, Instant sentAt) {
        JsonObject refund = backend.render(backend.refund(refundId).orElseThrow());
        return delivery("PAYMENT.CAPTURE.REFUNDED", "refund", refund, sentAt);
    }

    /** A signed {@code PAYMENT.CAPTURE.REVERSED} delivery: its resource is the refund-shaped reversal. */
    public WebhookRequest reversalEvent(String reversalId, Instant sentAt) {
        JsonObject reversal = backend.render(backend.refund(reversalId).orElseThrow());
        return delivery("PAYMENT.CAPTURE.REVERSED", "refund", reversal, sentAt);
    }

    /**
     * A signed {@code VAULT.PAYMENT-TOKEN.CREATED} or {@code VAULT.PAYMENT-TOKEN.DELETED} delivery
     * ({@code resource_version} 3.0 in PayPal's samples); a deleted token's resource keeps only its id.
     */
    public WebhookRequest paymentTokenEvent(String paymentTokenId, String type, Instant sentAt) {
        JsonObject token = backend.hasPaymentToken(paymentTokenId) ? backend.renderPaymentToken(paymentTokenId)
                : Json.createObjectBuilder().add("id", paymentTokenId).build();
        return delivery(type, "payment_token", token, sentAt);
    }

    /** Any event, signed with the fake's key for {@link #WEBHOOK_ID}. */
    public WebhookRequest delivery(String type, String resourceType, JsonObject resource, Instant sentAt) {
        String body = Json.createObjectBuilder()
                .add("id", "WH-" + PayPalBackend.id(8) + "-" + events.incrementAndGet())
                .add("event_version", "1.0")
                .add("create_time", sentAt.toString())
                .add("resource_type", resourceType)
                .add("resource_version", "2.0")
                .add("event_type", type)
                .add("summary", type)
                .add("resource", resource)
                .build().toString();
        WebhookRequest delivery = PayPalSigner.delivery(body.getBytes(StandardCharsets.UTF_8), WEBHOOK_ID,
                baseUrl() + CERT_PATH, sentAt);
        http.issued(delivery.header("paypal-transmission-id").orElseThrow(),
                new Issued(delivery.header("paypal-transmission-sig").orElseThrow(), parseObject(body)));
        return delivery;
    }

    /** A delivery the fake signed, for its verify API. */
    private record Issued(String signature, JsonObject event) {
    }

    private static JsonObject parseObject(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private void deliverApprovals(String orderId) {
        String owner = backend.order(orderId).map(o -> o.owner).orElse(null);
        String endpoint = owner == null ? null : webhookEndpoints.get(owner);
        if (endpoint == null) {
            return;
        }
        WebhookRequest delivery = orderEvent(orderId, "CHECKOUT.ORDER.APPROVED", clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> request.header(name, values.get(0)));
        try {
            client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // PayPal would retry later; the janitor's status query captures the order meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    /** The HTTP side: authentication, faults, idempotency, routes. */
    private final class Http implements ResponseDefinitionTransformerV2 {
        private record Fault(Duration delay, boolean serverError) {
        }

        private final List<Fault> faults = new ArrayList<>();
        private final Map<String, PayPalBackend.Response> replies = new HashMap<>();
        private final Map<String, String> tokens = new HashMap<>();
        private final List<String> requestIds = new ArrayList<>();
        private final Map<String, Issued> issued = new HashMap<>();

        synchronized void issued(String transmissionId, Issued delivery) {
            issued.put(transmissionId, delivery);
        }

        /** PayPal's verify API: SUCCESS for a delivery the fake signed, unchanged, for its webhook id. */
        private synchronized PayPalBackend.Response verify(JsonObject body) {
            Issued delivery = issued.get(body.getString("transmission_id", ""));
            boolean valid = delivery != null && delivery.signature().equals(body.getString("transmission_sig", ""))
                    && WEBHOOK_ID.equals(body.getString("webhook_id", ""))
                    && delivery.event().equals(body.getJsonObject("webhook_event"));
            return new PayPalBackend.Response(200, Json.createObjectBuilder()
                    .add("verification_status", valid ? "SUCCESS" : "FAILURE").build());
        }

        @Override
        public String getName() {
            return "kassa-paypal-fake";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        synchronized void fault(Duration delay, boolean serverError) {
            faults.add(new Fault(delay, serverError));
        }

        synchronized List<String> requestIds() {
            return List.copyOf(requestIds);
        }

        synchronized void reset() {
            faults.clear();
            replies.clear();
            requestIds.clear();
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            URI uri = URI.create(request.getUrl());
            String method = request.getMethod().getName();
            String path = uri.getRawPath();
            if (path.equals(PayPalApprovalPage.PATH)) {
                String query = uri.getRawQuery();
                String token = query != null && query.startsWith("token=") ? query.substring(6) : null;
                return new PayPalApprovalPage(backend, () -> deliverApprovals(token))
                        .handle(method, token, request.getBodyAsString());
            }
            if (path.equals(CERT_PATH)) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "application/x-pem-file")
                        .withBody(PayPalSigner.CERTIFICATE_PEM).build();
            }
            if (path.equals("/v1/oauth2/token") && "POST".equals(method)) {
                return token(request.getHeader("Authorization"));
            }
            String owner = owner(request.getHeader("Authorization"));
            if (owner == null) {
                return json(PayPalBackend.error(401, "AUTHENTICATION_FAILURE", "INVALID_TOKEN",
                        "Authentication failed due to invalid authentication credentials or a missing Authorization header."), 0);
            }
            String[] parts = path.split("/");
            boolean createOrder = "POST".equals(method) && path.equals("/v2/checkout/orders");
            Fault fault = createOrder ? takeFault() : null;
            long delay = fault == null || fault.delay() == null ? 0 : fault.delay().toMillis();
            if (fault != null && fault.serverError()) {
                return json(PayPalBackend.error(500, "INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR",
                        "An internal server error has occurred (scripted)."), 0);
            }
            JsonObject body = "POST".equals(method) ? parse(request.getBodyAsString()) : null;
            if ("POST".equals(method) && body == null) {
                return json(PayPalBackend.error(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON", "bad JSON"), 0);
            }
            String requestId = "POST".equals(method) ? request.getHeader("PayPal-Request-Id") : null;
            String key = requestId == null ? null : owner + "\u0000" + path + "\u0000" + requestId;
            synchronized (this) {
                if (requestId != null) {
                    requestIds.add(requestId);
                    PayPalBackend.Response replayed = replies.get(key);
                    if (replayed != null) {
                        return json(replayed, delay);
                    }
                }
            }
            PayPalBackend.Response response;
            if (createOrder) {
                response = backend.createOrder(owner, body);
            } else if ("GET".equals(method) && parts.length == 5 && path.startsWith("/v2/checkout/orders/")) {
                response = backend.getOrder(owner, parts[4]);
            } else if ("POST".equals(method) && parts.length == 6 && path.startsWith("/v2/checkout/orders/")
                    && parts[5].equals("capture")) {
                response = backend.captureOrder(owner, parts[4]);
            } else if ("POST".equals(method) && parts.length == 6 && path.startsWith("/v2/payments/captures/")
                    && parts[5].equals("refund")) {
                response = backend.refundCapture(owner, parts[4], body);
            } else if ("GET".equals(method) && parts.length == 5 && path.startsWith("/v2/payments/captures/")) {
                response = backend.getCapture(owner, parts[4]);
            } else if ("GET".equals(method) && parts.length == 5 && path.startsWith("/v2/payments/refunds/")) {
                response = backend.getRefund(owner, parts[4]);
            } else if ("POST".equals(method) && path.equals("/v1/notifications/verify-webhook-signature")) {
                response = verify(body);
            } else if ("POST".equals(method) && path.equals("/v3/vault/setup-tokens")) {
                response = backend.createSetupToken(owner, body);
            } else if ("GET".equals(method) && parts.length == 5 && path.startsWith("/v3/vault/setup-tokens/")) {
                response = backend.getSetupToken(owner, parts[4]);
            } else if ("POST".equals(method) && path.equals("/v3/vault/payment-tokens")) {
                response = backend.createPaymentToken(owner, body);
            } else if ("GET".equals(method) && parts.length == 5 && path.startsWith("/v3/vault/payment-tokens/")) {
                response = backend.getPaymentToken(owner, parts[4]);
            } else if ("DELETE".equals(method) && parts.length == 5 && path.startsWith("/v3/vault/payment-tokens/")) {
                response = backend.deletePaymentToken(owner, parts[4]);
            } else {
                response = PayPalBackend.error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "No route " + path);
            }
            if (key != null && response.status() < 500) {
                synchronized (this) {
                    replies.putIfAbsent(key, response);
                }
            }
            return json(response, delay);
        }

        private synchronized Fault takeFault() {
            return faults.isEmpty() ? null : faults.remove(0);
        }

        private ResponseDefinition token(String authorization) {
            String clientId = null;
            if (authorization != null && authorization.startsWith("Basic ")) {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0 && decoded.substring(colon + 1).equals(CLIENT_SECRET)) {
                    clientId = decoded.substring(0, colon);
                }
            }
            if (clientId == null) {
                return json(new PayPalBackend.Response(401, Json.createObjectBuilder().add("error", "invalid_client")
                        .add("error_description", "Client Authentication failed").build()), 0);
            }
            String token = "A21AA" + PayPalBackend.id(40);
            synchronized (this) {
                tokens.put(token, clientId);
            }
            return json(new PayPalBackend.Response(200, Json.createObjectBuilder()
                    .add("scope", "https://uri.paypal.com/services/payments/payment")
                    .add("access_token", token).add("token_type", "Bearer")
                    .add("app_id", "APP-80W284485P519543T").add("expires_in", 32400)
                    .add("nonce", clock.instant().toString()).build()), 0);
        }

        private synchronized String owner(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            return tokens.get(authorization.substring(7).strip());
        }

        private JsonObject parse(String body) {
            if (body == null || body.isBlank()) {
                return Json.createObjectBuilder().build();
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonParsingException | ClassCastException e) {
                return null;
            }
        }

        private ResponseDefinition json(PayPalBackend.Response response, long delayMillis) {
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(response.status())
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Paypal-Debug-Id", PayPalBackend.id(13).toLowerCase())
                    .withBody(response.status() == 204 ? "" : response.body().toString());
            if (delayMillis > 0) {
                builder.withFixedDelay((int) delayMillis);
            }
            return builder.build();
        }
    }
}
