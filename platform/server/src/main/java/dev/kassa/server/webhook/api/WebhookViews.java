package dev.kassa.server.webhook.api;

import dev.kassa.server.web.ShownOnce;
import dev.kassa.server.webhook.application.WebhookEndpoints.DeliveryWithAttempts;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of this context. */
public final class WebhookViews {
    private WebhookViews() {
    }

    /** An endpoint, never its secret. */
    public record WebhookEndpointView(String id, String url, List<String> events, Instant createdAt) {
        public static WebhookEndpointView of(WebhookEndpoint e) {
            return new WebhookEndpointView(e.id(), e.url(), e.events(), e.createdAt());
        }
    }

    /** An endpoint just made: the only answer that carries its signing secret. */
    public record CreatedWebhookEndpointView(String id, String url, List<String> events, String secret,
                                             Instant createdAt) implements ShownOnce {
        public static CreatedWebhookEndpointView of(WebhookEndpoint e, String secret) {
            return new CreatedWebhookEndpointView(e.id(), e.url(), e.events(), secret, e.createdAt());
        }

        @Override
        public String secretMember() {
            return "secret";
        }

        @Override
        public String replayNotice() {
            return "The signing secret is shown only in the first answer and is not kept in replays. Delete this"
                    + " endpoint (" + id + ") if it was not received, and make a new one.";
        }
    }

    public record AttemptView(String id, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.id(), a.attemptedAt(), a.statusCode(), a.error(), a.durationMillis());
        }
    }

    /** One event sent to one endpoint, with every attempt, oldest first. */
    public record DeliveryView(String id, String endpointId, String eventId, String eventType, String status,
                               int tries, Integer lastStatusCode, String lastError, Instant createdAt,
                               Instant nextAttemptAt, Instant deliveredAt, String payload,
                               List<AttemptView> attempts) {
        public static DeliveryView of(DeliveryWithAttempts dwa) {
            WebhookDelivery d = dwa.delivery();
            return new DeliveryView(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.status().name(), d.tries(),
                    d.lastStatusCode(), d.lastError(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.payload(),
                    dwa.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
