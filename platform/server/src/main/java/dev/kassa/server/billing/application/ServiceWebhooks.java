package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.shared.Money;
import dev.kassa.server.webhook.application.WebhookEvents;
import dev.kassa.server.webhook.domain.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Tells the reseller's systems what happened to a service, in the transaction that made it
 * happen: they suspend, resume and remove what they provisioned from these events. Every change of
 * a service passes here, so the matching {@link ServiceEvent} is fired here too, for observers in
 * the server (the customer's mail).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ServiceWebhooks {
    /** {@code reason} of {@code service.renewal_failed} when the balance did not cover the renewal invoice. */
    public static final String BALANCE_INSUFFICIENT = "balance.insufficient";

    private WebhookEvents events;
    private Event<ServiceEvent> news;

    protected ServiceWebhooks() {
    }

    @Inject
    public ServiceWebhooks(WebhookEvents events, Event<ServiceEvent> news) {
        this.events = events;
        this.news = news;
    }

    /**
     * The {@code data} of the {@code service.*} events ({@code ServiceEventData} in openapi.yaml):
     * the service as it is after the change, {@code invoiceId} the renewal invoice concerned (null
     * when none), {@code reason} why a renewal failed (null otherwise).
     */
    public record ServiceEventData(String id, String accountId, String payerId, String externalId, String name,
                                   String status, Money price, String period, Instant nextRenewalAt,
                                   String invoiceId, String reason, Instant suspendedAt, Instant terminatedAt) { }

    public void renewed(Service s, String invoiceId) {
        renewed(s, invoiceId, null);
    }

    /** {@code balance}: the account's balance after the renewal, when the caller knows it (else null). */
    public void renewed(Service s, String invoiceId, Money balance) {
        publish(EventTypes.SERVICE_RENEWED, s, invoiceId, null);
        news.fire(new ServiceRenewed(s.tenantId(), s.id(), s.accountId(), s.name(), s.price(), invoiceId,
                s.nextRenewalAt(), balance));
    }

    public void renewalFailed(Service s, String invoiceId, String reason) {
        renewalFailed(s, invoiceId, reason, null);
    }

    /** {@code balance}: the account's balance that fell short, when the caller knows it (else null). */
    public void renewalFailed(Service s, String invoiceId, String reason, Money balance) {
        publish(EventTypes.SERVICE_RENEWAL_FAILED, s, invoiceId, reason);
        news.fire(new ServiceRenewalFailed(s.tenantId(), s.id(), s.accountId(), s.name(), invoiceId, reason,
                s.suspendAt(), balance));
    }

    public void suspended(Service s) {
        publish(EventTypes.SERVICE_SUSPENDED, s, s.unpaidInvoiceId(), null);
        news.fire(new ServiceSuspended(s.tenantId(), s.id(), s.accountId(), s.name(), s.unpaidInvoiceId(),
                s.terminateAt()));
    }

    public void terminated(Service s, String invoiceId) {
        publish(EventTypes.SERVICE_TERMINATED, s, invoiceId, null);
    }

    private void publish(String type, Service s, String invoiceId, String reason) {
        events.publish(s.tenantId(), type, new ServiceEventData(s.id(), s.accountId(), s.payerId(), s.externalId(),
                s.name(), s.status().name(), s.price(), s.period().name(), s.nextRenewalAt(), invoiceId, reason,
                s.suspendedAt(), s.terminatedAt()));
    }
}
