package dev.kassa.server.webhook.application;

/**
 * A delivery claimed by one node for one try, with everything the request is made of.
 *
 * @param claim what the node must show to record the outcome
 * @param eventId the {@code webhook-id}, the same on every try
 * @param secret the endpoint's signing secret, {@code whsec_…}
 */
public record ClaimedDelivery(String id, String tenantId, String claim, int tries, String eventId, String url,
                              String secret, String payload) {
    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + ", tenant " + tenantId + ", try " + tries + "]"; // never the secret
    }
}
