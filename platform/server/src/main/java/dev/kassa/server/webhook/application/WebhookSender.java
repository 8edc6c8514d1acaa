package dev.kassa.server.webhook.application;

import java.net.URI;
import java.util.Map;

/** Posts one signed delivery to a tenant's endpoint. */
public interface WebhookSender {
    /** Per try: an endpoint that takes longer is counted as failed. */
    java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);

    /**
     * Posts {@code body} as {@code application/json} with the given headers, never following a
     * redirect and never to an address the destination rules forbid (checked on the addresses the
     * host resolves to now). Never throws: every outcome is a {@link Result}.
     */
    Result post(URI url, Map<String, String> headers, String body);

    /**
     * How a try went.
     *
     * @param statusCode what the endpoint answered, or null when no answer came
     * @param error why it failed, or null when it was delivered (2xx)
     */
    record Result(Integer statusCode, String error, long durationMillis) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
