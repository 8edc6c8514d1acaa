package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * "Renew now" in the client area: the customer pays the next period of a service ahead of time,
 * from the balance. In one transaction, with the billing run's locks in its order (service, then
 * account, then the new invoice and the counter): the renewal invoice for the period that starts at
 * {@code nextRenewalAt} is made, finalised and paid from the balance through the same
 * {@link InvoiceSteps} as the billing run's, and {@code nextRenewalAt} moves one period on. A balance
 * that does not cover it is 409 {@code balance.insufficient} and leaves nothing behind: no
 * invoice, no number, no event.
 *
 * <p>The caller names the period it renews (the {@code nextRenewalAt} the customer saw): a form sent
 * twice, or a renewal by the billing run in between, finds that period billed already and renews
 * nothing more.
 */
@ApplicationScoped
public class EarlyRenewals {
    private ServiceRepository services;
    private AccountRepository accounts;
    private InvoiceSteps invoices;
    private ServiceWebhooks webhooks;
    private Clock clock;

    protected EarlyRenewals() {
    }

    @Inject
    public EarlyRenewals(ServiceRepository services, AccountRepository accounts, InvoiceSteps invoices,
                         ServiceWebhooks webhooks, Clock clock) {
        this.services = services;
        this.accounts = accounts;
        this.invoices = invoices;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * What a renewal did: {@code invoice} the paid renewal invoice, or null when the period named was
     * billed already ({@code alreadyRenewed}).
     */
    public record Outcome(Service service, Invoice invoice, boolean alreadyRenewed) { }

    /**
     * Renews the account's service for the period that starts at {@code period}.
     *
     * @throws KassaException 404 for a service that is not this account's; 409 {@code service.terminated},
     *         {@code service.invoice_open} (a renewal invoice waits to be paid: pay it instead),
     *         {@code service.cancelled} (it ends at period end), {@code balance.insufficient},
     *         {@code billing.settings_incomplete}
     */
    @Transactional
    public Outcome renewNow(String tenantId, String accountId, String serviceId, Instant period) {
        Service service = services.lock(tenantId, serviceId);
        if (!service.accountId().equals(accountId)) {
            throw KassaException.notFound();
        }
        service.requireNotTerminated();
        if (!service.nextRenewalAt().equals(period)) {
            return new Outcome(service, null, true);
        }
        if (service.unpaidInvoiceId() != null || service.status() != ServiceStatus.ACTIVE) {
            throw KassaException.conflict("service.invoice_open", "Renewal invoice open",
                    "Service " + service.id() + " waits for its renewal invoice to be paid; pay that invoice first.");
        }
        if (service.cancelAt() != null) {
            throw KassaException.conflict("service.cancelled", "Service cancelled",
                    "Service " + service.id() + " ends when its period ends and is not renewed.");
        }
        // Locked before the invoice is paid, as the billing run does: service, then account.
        accounts.lock(tenantId, accountId);
        Invoice invoice = invoices.finalized(tenantId, accountId, new InvoiceService.DraftRequest(service.payerId(),
                List.of(line(service)), LocalDate.ofInstant(period, ZoneOffset.UTC), null));
        // 409 balance.insufficient rolls all of it back, the invoice's number included.
        Invoice paid = invoices.payFromBalance(tenantId, invoice.id());
        service.renewed(clock.instant());
        webhooks.renewed(service, paid.id());
        return new Outcome(service, paid, false);
    }

    /** The renewal invoice's one line: the service and the period, as the billing run writes it. */
    static InvoiceLine.Draft line(Service service) {
        Instant start = service.nextRenewalAt();
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(service.period().after(start), ZoneOffset.UTC);
        return new InvoiceLine.Draft(service.name() + " (" + from + " to " + to + ")", 1, service.price(),
                service.taxCategory(), service.id(), null);
    }
}
