package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.billing.domain.ServiceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What an unpaid renewal does to a service, and what paying it undoes. The billing run suspends a
 * service whose renewal invoice is still open when its grace ends ({@code service.suspended}) and
 * terminates it when its termination days end, or when a cancellation at period end comes due
 * ({@code service.terminated}), one service per transaction. Paying the open invoice, by any way
 * that fires {@link InvoicePaid}, clears the debt in the paying transaction and reactivates a
 * suspended service ({@code service.renewed}: the renewal is complete now).
 */
@ApplicationScoped
public class ServiceLifecycle {
    private ServiceRepository services;
    private InvoiceRepository invoices;
    private ServiceWebhooks webhooks;
    private Clock clock;

    protected ServiceLifecycle() {
    }

    @Inject
    public ServiceLifecycle(ServiceRepository services, InvoiceRepository invoices, ServiceWebhooks webhooks,
                            Clock clock) {
        this.services = services;
        this.invoices = invoices;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Suspends the service whose grace ended longest ago (not in {@code skip}); its id, or empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> suspendNext(Collection<String> skip) {
        Instant now = clock.instant();
        Optional<Service> due = services.lockNextDue(ServiceRepository.Due.SUSPENSION, now, skip);
        due.ifPresent(s -> {
            s.suspend(now);
            webhooks.suspended(s);
        });
        return due.map(Service::id);
    }

    /** Terminates a service whose termination or cancellation came due (not in {@code skip}); its id, or empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> terminateNext(Collection<String> skip) {
        Instant now = clock.instant();
        Optional<Service> due = services.lockNextDue(ServiceRepository.Due.TERMINATION, now, skip);
        due.ifPresent(s -> {
            String unpaid = s.unpaidInvoiceId();
            s.terminate(now);
            webhooks.terminated(s, unpaid);
        });
        return due.map(Service::id);
    }

    /**
     * In the transaction of a full credit note: a renewal invoice cancelled is a period the tenant
     * forgave, so the services that waited for it owe nothing, as if it were paid, and a suspended one
     * runs again ({@code service.renewed}, for the reseller's systems to resume it).
     */
    void onCancelled(@Observes InvoiceCancelled cancelled) {
        for (Service s : services.lockAwaiting(cancelled.tenantId(), cancelled.invoiceId())) {
            if (s.status() != ServiceStatus.TERMINATED) {
                s.invoicePaid(cancelled.invoiceId(), cancelled.cancelledAt());
                webhooks.renewed(s, cancelled.invoiceId());
            }
        }
    }

    /** In the paying transaction: the services that waited for this invoice owe nothing any more. */
    void onPaid(@Observes InvoicePaid paid) {
        if (invoices.createdInThisTransaction(paid.invoiceId())) {
            return; // awaited by no service (see InvoicePayments#lockForPayment): a renewal paying its own invoice
        }
        for (Service s : services.lockAwaiting(paid.tenantId(), paid.invoiceId())) {
            if (s.status() != ServiceStatus.TERMINATED) {
                s.invoicePaid(paid.invoiceId(), paid.paidAt());
                webhooks.renewed(s, paid.invoiceId(), paid.balanceAfter());
            }
        }
    }
}
