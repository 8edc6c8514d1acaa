package dev.kassa.server.payment.domain;

import java.time.Instant;

/** One entry of a payment attempt's history: what {@code source} (start, webhook, janitor, ...) said. */
public record AttemptEvent(String id, String tenantId, String attemptId, AttemptStatus status, String source,
                           String eventId, String detail, Instant createdAt) { }
