package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.RenewalCardChargeRepository;
import dev.kassa.server.billing.domain.RenewalCardChargeRepository.Candidate;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.payment.application.TopUpCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database steps of {@link RenewalCardCharges}, each in a transaction of its own, so that the
 * gateway is called between them and never inside one: take an invoice, then record what the
 * charge came to and tell the reseller when it failed ({@code service.renewal_failed}).
 */
@ApplicationScoped
public class RenewalCardChargeSteps {
    /** {@code reason} of {@code service.renewal_failed} when the card was declined. */
    public static final String CARD_DECLINED = "card.declined";
    /** {@code reason} when the bank wants the customer (3-D Secure) for the off-session charge. */
    public static final String CARD_ACTION_REQUIRED = "card.action_required";
    /** {@code reason} when the saved card could not be charged at all (its method off, or unable to). */
    public static final String CARD_UNAVAILABLE = "card.unavailable";

    private RenewalCardChargeRepository charges;
    private ServiceRepository services;
    private ServiceWebhooks webhooks;
    private Clock clock;

    protected RenewalCardChargeSteps() {
    }

    @Inject
    public RenewalCardChargeSteps(RenewalCardChargeRepository charges, ServiceRepository services,
                                  ServiceWebhooks webhooks, Clock clock) {
        this.charges = charges;
        this.services = services;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Candidate> untaken(int limit) {
        return charges.untaken(limit);
    }

    /** Takes the invoice, committed before the gateway is called: no other node charges it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(Candidate candidate) {
        return charges.take(candidate, clock.instant());
    }

    /**
     * Records the outcome; with a {@code failure} reason, and while the charge was still under way,
     * tells the reseller the renewal failed (once per invoice).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(String tenantId, String invoiceId, String topUpId, String outcome, String failure) {
        record(tenantId, invoiceId, topUpId, outcome, failure);
    }

    /**
     * A top-up bound to an invoice failed (declined now or later, as the janitor or a webhook learns):
     * when it was this charger's, still under way, the renewal failed with {@code card.declined}.
     */
    void onCancelled(@Observes TopUpCancelled cancelled) {
        if (cancelled.invoiceId() != null) {
            record(cancelled.tenantId(), cancelled.invoiceId(), cancelled.topUpId(), "declined", CARD_DECLINED);
        }
    }

    private void record(String tenantId, String invoiceId, String topUpId, String outcome, String failure) {
        Optional<String> now = charges.outcome(tenantId, invoiceId);
        if (now.isEmpty() || !underWay(now.get())) {
            return; // not this charger's, or settled already: nothing to tell twice
        }
        Instant at = clock.instant();
        charges.record(tenantId, invoiceId, topUpId, outcome, at);
        if (failure == null) {
            return;
        }
        Optional<String> serviceId = charges.serviceId(tenantId, invoiceId);
        if (serviceId.isEmpty()) {
            return;
        }
        Service service = services.lock(tenantId, serviceId.get());
        if (service.status() != ServiceStatus.TERMINATED && invoiceId.equals(service.unpaidInvoiceId())) {
            webhooks.renewalFailed(service, invoiceId, failure);
        }
    }

    private static boolean underWay(String outcome) {
        return RenewalCardChargeRepository.CHARGING.equals(outcome) || RenewalCardCharges.PENDING.equals(outcome);
    }
}
