package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * A service's period is paid: by the billing run from the balance, ahead of time from the client
 * area, or by paying a renewal invoice left open (which reactivates a suspended service).
 * {@code invoiceId} is the renewal invoice paid; {@code nextRenewalAt} when the next period starts;
 * {@code balance} the account's balance after it, or null when the one renewing does not know it
 * (the mail then shows the account's balance as its transaction reads it).
 */
public record ServiceRenewed(String tenantId, String serviceId, String accountId, String name, Money price,
                             String invoiceId, Instant nextRenewalAt, Money balance) implements ServiceEvent { }
