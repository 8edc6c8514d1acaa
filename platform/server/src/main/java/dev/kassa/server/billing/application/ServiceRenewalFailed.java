package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * A renewal invoice was made and left open, because the balance did not cover it ({@code reason}
 * {@code balance.insufficient}); {@code suspendAt} is when the service is suspended unless the
 * invoice is paid first; {@code balance} the account's balance that fell short, or null when not known.
 */
public record ServiceRenewalFailed(String tenantId, String serviceId, String accountId, String name,
                                   String invoiceId, String reason, Instant suspendAt, Money balance)
        implements ServiceEvent { }
