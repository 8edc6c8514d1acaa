package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.domain.LocationEvidence;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Invoices as the customer sees them in the client area: only their own account's, never a draft,
 * and another account's invoice is as unknown as one of another tenant (404). Paying one from the
 * balance is {@link InvoicePayments}', behind that wall.
 */
@ApplicationScoped
public class CustomerInvoices {
    private InvoiceRepository invoices;
    private InvoiceService service;
    private InvoicePayments payments;

    protected CustomerInvoices() {
    }

    @Inject
    public CustomerInvoices(InvoiceRepository invoices, InvoiceService service, InvoicePayments payments) {
        this.invoices = invoices;
        this.service = service;
        this.payments = payments;
    }

    /** The account's invoices, newest first, {@code limit + 1} of them; {@code status} null for all but drafts. */
    @Transactional
    public List<Invoice> list(String tenantId, String accountId, InvoiceStatus status, PageRequest page) {
        if (status == InvoiceStatus.DRAFT) {
            return List.of();
        }
        return status == null ? service.listFinalized(tenantId, accountId, page)
                : service.list(tenantId, accountId, status, page);
    }

    /** The account's open invoices ({@code NEW}), newest first, at most {@code limit + 1}. */
    @Transactional
    public List<Invoice> open(String tenantId, String accountId, int limit) {
        return service.list(tenantId, accountId, InvoiceStatus.NEW, new PageRequest(limit, null));
    }

    /** One of the account's finalised invoices; 404 for a draft or another account's. */
    @Transactional
    public Invoice get(String tenantId, String accountId, String invoiceId) {
        return find(tenantId, accountId, invoiceId).orElseThrow(KassaException::notFound);
    }

    /** One of the account's finalised invoices; empty for a draft, another account's or an unknown one. */
    @Transactional
    public Optional<Invoice> find(String tenantId, String accountId, String invoiceId) {
        return invoices.find(tenantId, invoiceId)
                .filter(i -> i.accountId().equals(accountId) && i.status() != InvoiceStatus.DRAFT)
                .map(InvoiceService::loaded);
    }

    /** What paying did: {@code alreadyPaid} when the invoice was paid before (a form sent twice). */
    public record Payment(Invoice invoice, boolean alreadyPaid) { }

    /**
     * Pays one of the account's open invoices from the balance; the address the customer paid from
     * ({@code remoteAddress}, null if unknown) is kept on the invoice as evidence of their location.
     *
     * @throws KassaException 404 for a draft or another account's invoice; 409 {@code balance.insufficient},
     *         {@code invoice.cancelled}, and {@code invoice.already_paid} when another payment won a race
     */
    @Transactional
    public Payment payFromBalance(String tenantId, String accountId, String invoiceId, String remoteAddress) {
        Invoice invoice = get(tenantId, accountId, invoiceId);
        if (invoice.status() == InvoiceStatus.PAID) {
            return new Payment(invoice, true);
        }
        Invoice paid = payments.payFromBalance(tenantId, invoiceId);
        if (remoteAddress != null && !remoteAddress.isBlank() && remoteAddress.length() <= 64
                && remoteAddress.indexOf(',') < 0) {
            paid.keepPaymentEvidence(LocationEvidence.ipAddress(remoteAddress.strip()));
        }
        return new Payment(paid, false);
    }
}
