package dev.kassa.server.billing.application;

import java.time.Instant;

/**
 * A renewal invoice was made and left open, because the balance did not cover it ({@code reason}
 * {@code balance.insufficient}); {@code suspendAt} is when the service is suspended unless the
 * invoice is paid first.
 */
public record ServiceRenewalFailed(String tenantId, String serviceId, String accountId, String name,
                                   String invoiceId, String reason, Instant suspendAt) implements ServiceEvent { }
