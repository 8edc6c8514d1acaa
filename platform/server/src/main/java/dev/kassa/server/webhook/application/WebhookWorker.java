package dev.kassa.server.webhook.application;

import dev.kassa.server.webhook.domain.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code KASSA_WEBHOOKS_INTERVAL} seconds, on every node: sends what is due in the webhook
 * outbox, one delivery at a time: claim it ({@link DeliveryClaims}, committed), sign and post it,
 * record the outcome ({@link DeliveryOutcomes}).
 *
 * <p>A node that dies after the endpoint took a delivery and before the outcome commits leaves it
 * claimed; when the lease runs out it is sent again, with the same {@code webhook-id}, which is
 * what receivers deduplicate on.
 */
@ApplicationScoped
public class WebhookWorker {
    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
    /** Deliveries per round and node; the rest wait for the next round. */
    static final int BATCH = 50;

    private DeliveryClaims claims;
    private DeliveryOutcomes outcomes;
    private WebhookSender sender;
    private Clock clock;

    protected WebhookWorker() {
    }

    @Inject
    public WebhookWorker(DeliveryClaims claims, DeliveryOutcomes outcomes, WebhookSender sender, Clock clock) {
        this.claims = claims;
        this.outcomes = outcomes;
        this.sender = sender;
        this.clock = clock;
    }

    /** One round; returns how many deliveries were tried. */
    public int runOnce() {
        int tried = 0;
        while (tried < BATCH) {
            Optional<ClaimedDelivery> next = claims.next();
            if (next.isEmpty()) {
                break;
            }
            deliver(next.get());
            tried++;
        }
        return tried;
    }

    private void deliver(ClaimedDelivery d) {
        Instant now = clock.instant();
        WebhookSender.Result result;
        try {
            result = sender.post(URI.create(d.url()), headers(d, now.getEpochSecond()), d.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending webhook delivery " + d.id() + " failed unexpectedly; it is tried again", e);
            result = new WebhookSender.Result(null, "internal error: " + e.getClass().getSimpleName(), 0);
        }
        outcomes.record(d, now, result);
    }

    /** The Standard Webhooks headers of one try: the id stays, the timestamp and signature are this try's. */
    static Map<String, String> headers(ClaimedDelivery d, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", d.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(d.secret(), d.eventId(), timestamp, d.payload()));
        return headers;
    }
}
