package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.payment.application.BoundInvoices;
import dev.kassa.server.payment.application.TopUpPaid;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Paying an invoice by any method: money that arrives for an invoice (a top-up bound to it, or a
 * bank transfer quoting its payment reference) is credited to the balance as any money is, and the
 * invoice is paid from the balance in that same transaction ({@link InvoicePayments#payIfCovered}),
 * so a suspended service is reactivated as when the customer pays from the balance. An invoice paid
 * meanwhile, or money short of its amount, leaves the money on the balance.
 */
@ApplicationScoped
public class InvoiceBoundPayments implements BoundInvoices {
    private InvoiceRepository invoices;
    private InvoicePayments payments;

    protected InvoiceBoundPayments() {
    }

    @Inject
    public InvoiceBoundPayments(InvoiceRepository invoices, InvoicePayments payments) {
        this.invoices = invoices;
        this.payments = payments;
    }

    @Override
    @Transactional
    public Payable requirePayable(String tenantId, String accountId, String payerId, String invoiceId) {
        Invoice invoice = invoices.require(tenantId, invoiceId);
        if (!invoice.accountId().equals(accountId)) {
            throw KassaException.unprocessable("topup.invoice_mismatch", "Invoice of another account",
                    "Invoice " + invoiceId + " is not one of this account's.");
        }
        invoice.requireOpen();
        if (payerId != null && !payerId.equals(invoice.payerId())) {
            throw KassaException.unprocessable("topup.invoice_mismatch", "Invoice of another payer",
                    "Invoice " + invoice.number() + " is addressed to another payer of the account.");
        }
        return new Payable(invoice.id(), invoice.number(), invoice.payerId(), invoice.gross());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String tenantId, String invoiceId) {
        payments.lockForPayment(tenantId, invoiceId);
    }

    /** In the transaction that credits a top-up bound to an invoice: the invoice is paid from it. */
    void onTopUpPaid(@Observes TopUpPaid paid) {
        if (paid.invoiceId() != null) {
            payments.payIfCovered(paid.tenantId(), paid.invoiceId());
        }
    }

    /** An invoice a bank transfer quotes by its payment reference (paid only while it is open). */
    public record OpenInvoice(String invoiceId, String accountId, String number, Money amount) { }

    /**
     * The invoice whose payment reference this is, if any: open or not, it names the account the
     * money is for (an invoice paid meanwhile leaves the money on the balance).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OpenInvoice> byReference(String tenantId, String paymentReference) {
        return invoices.findByPaymentReference(tenantId, paymentReference)
                .map(i -> new OpenInvoice(i.id(), i.accountId(), i.number(), i.gross()));
    }

    /**
     * After money meant for the invoice was credited to its account in this transaction (the
     * invoice locked before the account, see {@link #lock}): pays it when it is still open and
     * the money arrived covers it. Less than its amount stays on the balance and leaves it open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean payWith(String tenantId, String invoiceId, Money arrived) {
        Optional<Invoice> invoice = invoices.find(tenantId, invoiceId);
        if (invoice.isEmpty() || arrived.minor() < invoice.get().gross().minor()
                || !arrived.currency().equals(invoice.get().gross().currency())) {
            return false;
        }
        return payments.payIfCovered(tenantId, invoiceId);
    }
}
