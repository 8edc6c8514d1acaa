package dev.kassa.server.webhook.domain;

/** Where a delivery stands: waiting for its next try, received (a 2xx answer), or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
