package dev.kassa.server.webhook.application;

import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.RowCollector;
import dev.kassa.server.webhook.domain.EventTypes;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells the tenant's systems what happened: {@link #publish} writes one delivery per endpoint
 * subscribed to the event into the webhook outbox, in the caller's transaction, so the webhook goes
 * out exactly when the change it tells about is committed; the webhook worker sends it afterwards.
 * Every context that has news for the reseller calls it (top-ups and refunds through
 * {@link PaymentWebhooks}; invoices and services directly).
 */
@ApplicationScoped
public class WebhookEvents {
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Nulls written (every documented member always present); Money as the API shows it. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .withAdapters(new MoneyAdapter()));
    /** The deliveries published inside {@link #collecting}, not written yet. */
    private static final RowCollector<WebhookDelivery> COLLECTED = new RowCollector<>();

    private WebhookEndpointRepository endpoints;
    private WebhookDeliveryRepository deliveries;
    private Clock clock;

    protected WebhookEvents() {
    }

    @Inject
    public WebhookEvents(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Publishes an event to the tenant's endpoints that subscribed to it; returns the event's id
     * ({@code evt_…}, also the {@code webhook-id} of every delivery), or null when no endpoint
     * wants it (nothing is written).
     *
     * @param type one of {@link EventTypes#KNOWN}, such as {@code invoice.paid}
     * @param data the event's {@code data} object: a record or a {@code Map}, serialised with
     *     JSON-B, nulls included; {@link Money} becomes {@code {"amount": "12.50", "currency": "EUR"}},
     *     an {@code Instant} an ISO-8601 string. Document its members in openapi.yaml.
     * @throws IllegalArgumentException for a type Kassa does not know
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(String tenantId, String type, Object data) {
        if (!EventTypes.isKnown(type)) {
            throw new IllegalArgumentException("not a webhook event type: " + type);
        }
        List<WebhookEndpoint> subscribed = endpoints.live(tenantId).stream().filter(e -> e.subscribes(type)).toList();
        if (subscribed.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        String eventId = Ids.next("evt");
        String payload = payload(eventId, type, now, tenantId, data);
        for (WebhookEndpoint endpoint : subscribed) {
            WebhookDelivery delivery = new WebhookDelivery(Ids.next("whd"), tenantId, endpoint.id(), eventId, type,
                    payload, now);
            if (!COLLECTED.offer(delivery)) {
                deliveries.add(delivery);
            }
        }
        return eventId;
    }

    /**
     * Runs {@code work} in the caller's transaction and writes the deliveries it publishes when it
     * returns, all at once ({@link WebhookDeliveryRepository#addAll}), instead of one row each at
     * the commit: a billing run's batch publishes three events per renewal, and on PostgreSQL one
     * statement for all of them costs a fraction of what the rows cost one by one, inside the stretch
     * where the batch holds the tenant's invoice counter. When {@code work} throws, nothing it
     * published is written, and the caller's transaction is to roll back as it would anyway. Inside
     * another {@code collecting}, the outer one writes them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        return COLLECTED.collecting(work, deliveries::addAll);
    }

    /**
     * The body every delivery of the event sends: {@code {id, type, createdAt, tenantId, data}}, minified.
     * JSON-B writes {@code data} minified already, so it goes in as written, not read back and written
     * again; a record of simple members is written as JSON-B would write it without its reflection
     * ({@link RecordJson}): a billing run publishes three events per renewal.
     */
    static String payload(String eventId, String type, Instant createdAt, String tenantId, Object data) {
        String dataJson = data instanceof Record r ? RecordJson.write(r) : null;
        if (dataJson == null) {
            dataJson = JSONB.toJson(data);
        }
        if (dataJson.isEmpty() || dataJson.charAt(0) != '{') {
            throw new IllegalArgumentException("an event's data is a JSON object: " + dataJson);
        }
        return new StringBuilder(dataJson.length() + 160)
                .append("{\"id\":").append(JSON.createValue(eventId))
                .append(",\"type\":").append(JSON.createValue(type))
                .append(",\"createdAt\":").append(JSON.createValue(createdAt.truncatedTo(ChronoUnit.MILLIS).toString()))
                .append(",\"tenantId\":").append(JSON.createValue(tenantId))
                .append(",\"data\":").append(dataJson)
                .append('}').toString();
    }

    /** {@link Money} in a payload, as everywhere in the API. */
    public static final class MoneyAdapter implements JsonbAdapter<Money, Map<String, String>> {
        @Override
        public Map<String, String> adaptToJson(Money money) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("amount", money.amountString());
            out.put("currency", money.currency().code());
            return out;
        }

        @Override
        public Money adaptFromJson(Map<String, String> json) {
            throw new UnsupportedOperationException("webhook payloads are only written");
        }
    }
}
