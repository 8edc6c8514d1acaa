package dev.kassa.testkit.stripe;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of the fake, as a WireMock transformer that answers every request: the API key
 * check, scripted faults (delays, 500s), Stripe's idempotency (the same {@code Idempotency-Key}
 * with the same parameters replays the first answer; with other parameters it is an
 * {@code idempotency_error}), then the route to {@link StripeBackend}. The hosted payment pages
 * ({@link HostedPage}) are for browsers and take no API key. Events that a request or a page step
 * leaves queued are sent before it is answered ({@link WebhookSender}).
 */
final class StripeHttp implements ResponseDefinitionTransformerV2 {
    static final String NAME = "kassa-stripe-fake";

    /** A fault for the next request to an endpoint: a delay, or a 500 before anything happens. */
    private record Fault(Endpoint endpoint, Duration delay, boolean serverError) {
    }

    /** A first answer to an idempotency key, replayed for the same request. */
    private record Stored(String request, FakeResponse response) {
    }

    private final StripeBackend backend;
    private final HostedPage pages;
    private final WebhookSender webhooks;
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Stored> idempotent = new HashMap<>();
    private final List<String> idempotencyKeys = new ArrayList<>();

    StripeHttp(StripeBackend backend, WebhookSender webhooks) {
        this.backend = backend;
        this.webhooks = webhooks;
        this.pages = new HostedPage(backend, webhooks);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    synchronized void addFault(Endpoint endpoint, Duration delay, boolean serverError) {
        faults.add(new Fault(endpoint, delay, serverError));
    }

    synchronized List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeys);
    }

    synchronized void reset() {
        faults.clear();
        idempotent.clear();
        idempotencyKeys.clear();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        URI uri = URI.create(request.getUrl());
        String method = request.getMethod().getName();
        String path = uri.getRawPath();
        if (HostedPage.serves(path)) {
            return pages.handle(method, path, request.getBodyAsString());
        }
        String owner = apiKey(request.getHeader("Authorization"));
        if (owner == null) {
            return respond(FakeResponse.invalidRequest(401, null,
                    "You did not provide a valid API key (Authorization: Bearer sk_...)."), 0);
        }
        Endpoint endpoint = Endpoint.of(method, path);
        Fault fault = takeFault(endpoint);
        long delay = fault == null || fault.delay() == null ? 0 : fault.delay().toMillis();
        if (fault != null && fault.serverError()) {
            return respond(new FakeResponse(500, StripeRenderer.error("api_error", null,
                    "An unknown error occurred (scripted by the test).", Map.of())), delay);
        }
        FormParams params = FormParams.parse("GET".equals(method) || "DELETE".equals(method)
                ? uri.getRawQuery() : request.getBodyAsString());
        String key = "POST".equals(method) ? request.getHeader("Idempotency-Key") : null;
        FakeResponse response = key == null ? route(endpoint, owner, path, params, null)
                : idempotently(owner, key, method + " " + path + " " + params.fingerprint(),
                        () -> route(endpoint, owner, path, params, key));
        webhooks.flush();
        return respond(response, delay);
    }

    private FakeResponse idempotently(String owner, String key, String requestFingerprint,
            java.util.function.Supplier<FakeResponse> call) {
        String scoped = owner + '\u0000' + key;
        synchronized (this) {
            idempotencyKeys.add(key);
            Stored stored = idempotent.get(scoped);
            if (stored != null) {
                return stored.request().equals(requestFingerprint) ? stored.response()
                        : new FakeResponse(400, StripeRenderer.error("idempotency_error", null,
                                "Keys for idempotent requests can only be used with the same parameters they were "
                                        + "first used with. Try using a key other than '" + key + "' if you meant to "
                                        + "execute a different request.", Map.of()));
            }
            FakeResponse response = call.get();
            if (response.status() < 500) {
                idempotent.put(scoped, new Stored(requestFingerprint, response));
            }
            return response;
        }
    }

    private FakeResponse route(Endpoint endpoint, String owner, String path, FormParams params, String key) {
        String[] parts = path.split("/");
        String id = parts.length > 3 ? parts[3] : null;
        switch (endpoint) {
            case CREATE_CUSTOMER:
                return backend.createCustomer(owner, params);
            case RETRIEVE_CUSTOMER:
                return backend.retrieveCustomer(owner, id);
            case CREATE_PAYMENT_INTENT:
                return backend.createPaymentIntent(owner, params, key);
            case SEARCH_PAYMENT_INTENTS:
                return backend.searchPaymentIntents(owner, params.get("query"), params.expands("data.payment_method"));
            case RETRIEVE_PAYMENT_INTENT:
                return backend.retrievePaymentIntent(owner, id, params);
            case CONFIRM_PAYMENT_INTENT:
                return backend.confirmPaymentIntent(owner, id, params);
            case CANCEL_PAYMENT_INTENT:
                return backend.cancelPaymentIntent(owner, id);
            case CREATE_SETUP_INTENT:
                return backend.createSetupIntent(owner, params, key);
            case RETRIEVE_SETUP_INTENT:
                return backend.retrieveSetupIntent(owner, id, params);
            case CONFIRM_SETUP_INTENT:
                return backend.confirmSetupIntent(owner, id, params);
            case RETRIEVE_PAYMENT_METHOD:
                return backend.retrievePaymentMethod(owner, id);
            case DETACH_PAYMENT_METHOD:
                return backend.detachPaymentMethod(owner, id);
            case CREATE_REFUND:
                return backend.createRefund(owner, params, key);
            case RETRIEVE_REFUND:
                return backend.retrieveRefund(owner, id);
            case CREATE_CHECKOUT_SESSION:
                return backend.createCheckoutSession(owner, params, key);
            case RETRIEVE_CHECKOUT_SESSION:
                return backend.retrieveCheckoutSession(owner, parts[4], params);
            case EXPIRE_CHECKOUT_SESSION:
                return backend.expireCheckoutSession(owner, parts[4]);
            default:
                return FakeResponse.invalidRequest(404, null, "Unrecognized request URL (" + path + ").");
        }
    }

    private synchronized Fault takeFault(Endpoint endpoint) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.endpoint() == Endpoint.ANY || fault.endpoint() == endpoint) {
                it.remove();
                return fault;
            }
        }
        return null;
    }

    /** The API key of {@code Authorization: Bearer sk_...}: every key is its own Stripe account. */
    private static String apiKey(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String key = authorization.substring("Bearer ".length()).strip();
        return key.startsWith("sk_") || key.startsWith("rk_") ? key : null;
    }

    private static ResponseDefinition respond(FakeResponse response, long delayMillis) {
        JsonObject body = response.body();
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(response.status())
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", Ids.next("req"))
                .withBody(body.toString());
        if (delayMillis > 0) {
            builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMillis));
        }
        return builder.build();
    }
}
