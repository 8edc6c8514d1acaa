package dev.kassa.server.webhook.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import java.util.List;

/** The request bodies of this context. */
public final class WebhookRequests {
    private WebhookRequests() {
    }

    /**
     * A new endpoint: its URL (the destination rules give their own codes) and the events it
     * wants ({@code "*"}: all; an unknown one is {@code webhook.event_unknown}).
     */
    public record CreateWebhookEndpointRequest(@Required @Text(max = 2000) String url,
                                               @Required List<@Required @Text(max = 60) String> events)
            implements JsonRequest { }
}
