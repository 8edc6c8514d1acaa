package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * A service's period is paid: by the billing run from the balance, ahead of time from the client
 * area, or by paying a renewal invoice left open (which reactivates a suspended service).
 * {@code invoiceId} is the renewal invoice paid; {@code nextRenewalAt} when the next period starts.
 */
public record ServiceRenewed(String tenantId, String serviceId, String accountId, String name, Money price,
                             String invoiceId, Instant nextRenewalAt) implements ServiceEvent { }
