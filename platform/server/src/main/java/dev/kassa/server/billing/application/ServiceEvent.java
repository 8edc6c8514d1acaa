package dev.kassa.server.billing.application;

/**
 * What happened to a service, fired inside the transaction that made it happen, beside its
 * {@code service.*} webhook ({@link ServiceWebhooks}): observers that write to an outbox in the same
 * transaction (the customer's mail) see it only if it commits. Observe the record you need.
 */
public sealed interface ServiceEvent permits ServiceRenewed, ServiceRenewalFailed, ServiceSuspended {
    String tenantId();

    String serviceId();

    String accountId();
}
