package dev.kassa.testkit.stripe;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the hosted pages' events, signed, to the webhook endpoint of the account (API key) they
 * belong to, at once and in order, as Stripe would (minus its retries). An account without an
 * endpoint gets nothing sent. Each event is rendered from the object as it stands when it is sent,
 * outside the backend's lock: the server that receives it may call the fake back while it handles it.
 */
final class WebhookSender {
    private record Endpoint(URI url, String secret) {
    }

    private final StripeBackend backend;
    private final StripeRenderer render;
    private final Clock clock;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<SentWebhook> sent = new ArrayList<>();

    WebhookSender(StripeBackend backend, StripeRenderer render, Clock clock) {
        this.backend = backend;
        this.render = render;
        this.clock = clock;
    }

    void endpoint(String owner, URI url, String secret) {
        endpoints.put(owner, new Endpoint(url, secret));
    }

    synchronized List<SentWebhook> sent() {
        return List.copyOf(sent);
    }

    synchronized void reset() {
        sent.clear();
        endpoints.clear();
    }

    /** Sends whatever the backend has queued. */
    void flush() {
        for (PendingEvent event : backend.drainEvents()) {
            Endpoint endpoint = endpoints.get(event.owner());
            if (endpoint != null) {
                send(event, endpoint);
            }
        }
    }

    private void send(PendingEvent event, Endpoint endpoint) {
        var object = backend.object(event.objectId()).orElseThrow();
        var signedAt = clock.instant();
        byte[] body = render.event(Ids.next("evt"), event.type(), object, signedAt.getEpochSecond(),
                backend.idempotencyKeyOf(event.objectId())).toString().getBytes(StandardCharsets.UTF_8);
        SignedDelivery delivery = new SignedDelivery(body,
                StripeFake.signatureHeader(body, endpoint.secret(), signedAt.getEpochSecond()));
        int status;
        try {
            status = delivery.postTo(endpoint.url()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        synchronized (this) {
            sent.add(new SentWebhook(event.type(), event.objectId(), delivery, endpoint.url(), status));
        }
    }
}
