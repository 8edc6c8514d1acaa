package dev.kassa.server.billing.application;

import java.time.Instant;

/**
 * A service is suspended because its renewal invoice {@code invoiceId} stayed unpaid past the grace
 * days; paying it reactivates the service until {@code terminateAt}.
 */
public record ServiceSuspended(String tenantId, String serviceId, String accountId, String name, String invoiceId,
                               Instant terminateAt) implements ServiceEvent { }
