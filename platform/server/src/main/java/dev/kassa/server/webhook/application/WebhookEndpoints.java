package dev.kassa.server.webhook.application;

import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.EventTypes;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import dev.kassa.server.webhook.domain.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A tenant's webhook endpoints and what was delivered to them; every call scoped by the tenant. */
@ApplicationScoped
public class WebhookEndpoints {
    /** Endpoints per tenant: each event is written once per endpoint, in the paying transaction. */
    public static final int MAX_ENDPOINTS = 20;

    private WebhookEndpointRepository endpoints;
    private WebhookDeliveryRepository deliveries;
    private WebhookDestinations destinations;
    private SigningSecrets secrets;
    private Clock clock;

    protected WebhookEndpoints() {
    }

    @Inject
    public WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                            WebhookDestinations destinations, SigningSecrets secrets, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A new endpoint and its signing secret, which nothing shows again. */
    public record Created(WebhookEndpoint endpoint, String secret) { }

    /** A delivery with its attempts, oldest first. */
    public record DeliveryWithAttempts(WebhookDelivery delivery, List<DeliveryAttempt> attempts) { }

    @Transactional
    public Created create(String tenantId, String url, List<String> events) {
        List<String> subscription;
        try {
            subscription = EventTypes.subscription(events);
        } catch (IllegalArgumentException e) {
            throw KassaException.unprocessable("webhook.event_unknown", "Unknown event",
                    "events: " + e.getMessage());
        }
        URI destination = destinations.check(url);
        if (endpoints.countLive(tenantId) >= MAX_ENDPOINTS) {
            throw KassaException.unprocessable("webhook.endpoint_limit", "Too many endpoints",
                    "A tenant has at most " + MAX_ENDPOINTS + " webhook endpoints; delete one first.");
        }
        String id = Ids.next("whe");
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(id, tenantId, destination.toString(), subscription,
                secrets.seal(tenantId, id, secret), clock.instant());
        endpoints.add(endpoint);
        return new Created(endpoint, secret);
    }

    @Transactional
    public WebhookEndpoint get(String tenantId, String id) {
        return live(tenantId, id);
    }

    @Transactional
    public List<WebhookEndpoint> list(String tenantId, PageRequest page) {
        return endpoints.page(tenantId, page.after(), page.limit());
    }

    /** Nothing more is sent to it; deliveries still waiting are given up. */
    @Transactional
    public void delete(String tenantId, String id) {
        live(tenantId, id).delete(clock.instant());
    }

    /** The endpoint's deliveries, newest first: {@code limit + 1} of them. */
    @Transactional
    public List<DeliveryWithAttempts> deliveries(String tenantId, String endpointId, PageRequest page) {
        live(tenantId, endpointId);
        List<WebhookDelivery> rows = deliveries.page(tenantId, endpointId, page.after(), page.limit());
        Map<String, List<DeliveryAttempt>> attempts = rows.isEmpty() ? Map.of()
                : deliveries.attempts(tenantId, rows.stream().map(WebhookDelivery::id).toList()).stream()
                        .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
        return rows.stream().map(d -> new DeliveryWithAttempts(d, attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    /** Sends the delivery again, due now, with a fresh retry window; 409 while a node is trying it. */
    @Transactional
    public DeliveryWithAttempts redeliver(String tenantId, String endpointId, String deliveryId) {
        live(tenantId, endpointId);
        WebhookDelivery delivery = deliveries.lock(tenantId, deliveryId)
                .filter(d -> d.endpointId().equals(endpointId)).orElseThrow(KassaException::notFound);
        Instant now = clock.instant();
        if (delivery.inFlight(now)) {
            throw KassaException.conflict("webhook.delivery_in_flight", "Delivery in flight",
                    "The delivery is being sent right now; ask again once its attempt is recorded.");
        }
        delivery.redeliver(now);
        return new DeliveryWithAttempts(delivery, deliveries.attempts(tenantId, List.of(deliveryId)));
    }

    private WebhookEndpoint live(String tenantId, String id) {
        return endpoints.find(tenantId, id).filter(e -> !e.isDeleted()).orElseThrow(KassaException::notFound);
    }
}
