package dev.kassa.server.webhook.application;

import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the next due delivery for one try, in a transaction of its own that commits before the
 * endpoint is called: the row is locked while it is claimed ({@code FOR UPDATE SKIP LOCKED}: another
 * node skips it rather than waits), and once the claim commits it is not due again for
 * {@link #LEASE}, so no other node tries it at the same time.
 */
@ApplicationScoped
public class DeliveryClaims {
    /** Far longer than one try can last ({@link WebhookSender#TIMEOUT} plus the DNS lookup). */
    public static final Duration LEASE = Duration.ofMinutes(5);

    private WebhookDeliveryRepository deliveries;
    private WebhookEndpointRepository endpoints;
    private SigningSecrets secrets;
    private Clock clock;

    protected DeliveryClaims() {
    }

    @Inject
    public DeliveryClaims(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                          SigningSecrets secrets, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The next due delivery, claimed by this node until the lease ends; empty when none is due. A
     * delivery whose endpoint was deleted is given up on the way (FAILED), and the next one taken.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClaimedDelivery> next() {
        Instant now = clock.instant();
        while (true) {
            Optional<WebhookDelivery> due = deliveries.lockNextDue(now);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            WebhookDelivery d = due.get();
            Optional<WebhookEndpoint> endpoint = endpoints.find(d.tenantId(), d.endpointId())
                    .filter(e -> !e.isDeleted());
            if (endpoint.isEmpty()) {
                d.abandon("the endpoint was deleted", now);
                continue;
            }
            String claim = UUID.randomUUID().toString();
            d.claim(claim, now.plus(LEASE), now);
            WebhookEndpoint e = endpoint.get();
            return Optional.of(new ClaimedDelivery(d.id(), d.tenantId(), claim, d.tries(), d.eventId(), e.url(),
                    secrets.open(e.tenantId(), e.id(), e.sealedSecret()), d.payload()));
        }
    }
}
