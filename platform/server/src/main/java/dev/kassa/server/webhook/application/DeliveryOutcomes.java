package dev.kassa.server.webhook.application;

import dev.kassa.server.shared.Ids;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.RetrySchedule;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Records how a try went, in a transaction of its own, under the row's lock, and only while the
 * node still holds its claim: the attempt for the deliveries list, then DELIVERED, or tried again
 * later ({@link RetrySchedule}), or FAILED once the retry window closed.
 */
@ApplicationScoped
public class DeliveryOutcomes {
    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookDeliveryRepository deliveries;
    private RetrySchedule retries;
    private Clock clock;

    protected DeliveryOutcomes() {
    }

    @Inject
    public DeliveryOutcomes(WebhookDeliveryRepository deliveries, Clock clock) {
        this(deliveries, new RetrySchedule(RANDOM::nextDouble), clock);
    }

    public DeliveryOutcomes(WebhookDeliveryRepository deliveries, RetrySchedule retries, Clock clock) {
        this.deliveries = deliveries;
        this.retries = retries;
        this.clock = clock;
    }

    /** Returns false when this node had lost its claim (nothing recorded). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(ClaimedDelivery claimed, Instant attemptedAt, WebhookSender.Result result) {
        Optional<WebhookDelivery> held = deliveries.lock(claimed.tenantId(), claimed.id())
                .filter(d -> d.heldBy(claimed.claim()));
        if (held.isEmpty()) {
            LOG.warning(() -> "Webhook delivery " + claimed.id() + " was claimed by another node or redelivered"
                    + " while this one tried it; this try is not recorded");
            return false;
        }
        WebhookDelivery d = held.get();
        Instant now = clock.instant();
        deliveries.add(new DeliveryAttempt(Ids.next("wha"), d.tenantId(), d.id(), attemptedAt, result.statusCode(),
                result.error(), result.durationMillis()));
        if (result.delivered()) {
            d.delivered(result.statusCode(), now);
        } else {
            Optional<Instant> next = retries.nextTry(now, d.tries(), d.windowStart());
            d.failedTry(result.statusCode(), result.error(), next, now);
            if (next.isEmpty()) {
                LOG.info(() -> "Webhook delivery " + d.id() + " (" + d.eventType() + ", tenant " + d.tenantId()
                        + ") failed after " + d.tries() + " tries and is given up: " + d.lastError());
            }
        }
        return true;
    }
}
