package dev.kassa.server.payment.domain;

import java.time.Instant;

/**
 * Something a tenant or its customer should hear about: a failed payment, an amount a gateway
 * reported that differs from what was asked, a gateway event about a payment Kassa does not know.
 */
public record Notification(String id, String accountId, String type, String subjectId, String message,
                           Instant createdAt) { }
