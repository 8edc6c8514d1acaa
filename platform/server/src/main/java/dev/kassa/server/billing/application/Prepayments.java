package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.payment.application.RefundProcessed;
import dev.kassa.server.payment.application.TopUpPaid;
import dev.kassa.server.shared.Money;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Invoiced top-ups ({@code invoiceTopUps}): the prepayment model, see docs/billing.md.
 * <ul>
 *   <li>A paid top-up (not one bound to an invoice, which pays an invoice that carries its own VAT)
 *       gets, in the transaction that credits it, a finalised and paid <b>prepayment invoice</b>:
 *       one line "Account credit" for the amount credited, VAT included (the money received
 *       includes the VAT, so VAT = gross × rate / (100 + rate)), taxed as any supply to that payer.
 *       The balance is credited with the whole amount received.</li>
 *   <li>An invoice the balance then pays carries its own VAT, so the prepaid money it spends has its
 *       prepayment VAT taken back: credit notes on the prepayment invoices with something left,
 *       oldest first ({@code PREPAYMENT_APPLIED}). A refund of unused funds does the same
 *       ({@code PREPAYMENT_REFUNDED}), the refunded top-up's own invoice first. VAT is thus never
 *       charged twice, and what is left of the prepayments never exceeds what was prepaid.</li>
 * </ul>
 * Locks: the account first, then the prepayment invoices (only ever locked after their account,
 * by these paths), then the counters; a paying invoice's own lock comes before the account, as
 * {@link InvoicePayments} says. Nothing here refuses a payment: a tenant without an establishment
 * country gets no prepayment invoice (it cannot invoice at all) and the top-up is credited.
 */
@ApplicationScoped
public class Prepayments {
    private static final Logger LOG = Logger.getLogger(Prepayments.class.getName());

    private InvoiceRepository invoices;
    private AccountRepository accounts;
    private PrepaymentInvoicing invoicing;
    private CreditNotes creditNotes;
    private BillingSettingsService settings;

    protected Prepayments() {
    }

    @Inject
    public Prepayments(InvoiceRepository invoices, AccountRepository accounts, PrepaymentInvoicing invoicing,
                       CreditNotes creditNotes, BillingSettingsService settings) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.invoicing = invoicing;
        this.creditNotes = creditNotes;
        this.settings = settings;
    }

    // After the receipt (Receipts: receipt counter, then the invoice counter here, in every top-up).
    void onTopUpPaid(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) TopUpPaid paid) {
        if (paid.invoiceId() != null || !paid.credited().isPositive()) {
            return;
        }
        BillingSettings s = settings.get(paid.tenantId());
        if (!s.invoiceTopUps()) {
            return;
        }
        if (s.establishmentCountry() == null) {
            LOG.warning("top-up " + paid.topUpId() + " not invoiced: tenant " + paid.tenantId()
                    + " has no establishment country");
            return;
        }
        // A top-up made without naming a payer is invoiced to the account's first payer; an account
        // without any has no one to invoice, and its top-up is only receipted.
        String payerId = paid.payerId() != null ? paid.payerId()
                : accounts.payers(paid.tenantId(), paid.accountId()).stream().map(Payer::id).findFirst().orElse(null);
        if (payerId == null) {
            LOG.warning("top-up " + paid.topUpId() + " not invoiced: account " + paid.accountId() + " has no payer");
            return;
        }
        invoicing.issue(paid, payerId, s);
    }

    void onInvoicePaid(@Observes InvoicePaid paid) {
        if (!paid.spentBalance()) {
            return;
        }
        takeBack(paid.tenantId(), paid.accountId(), paid.amount(), null, CreditNote.Settlement.PREPAYMENT_APPLIED,
                paid.number());
    }

    void onRefunded(@Observes RefundProcessed refunded) {
        takeBack(refunded.tenantId(), refunded.accountId(), refunded.amount(), refunded.topUpId(),
                CreditNote.Settlement.PREPAYMENT_REFUNDED, null);
    }

    /**
     * Takes {@code minor} back from the account's prepayments with something left: the one of
     * {@code topUpId} first when given, then the oldest first; as much as they have left.
     * {@code paidNumber} is the invoice the balance paid, null for a refund.
     */
    private void takeBack(String tenantId, String accountId, Money amount, String topUpId,
                          CreditNote.Settlement settlement, String paidNumber) {
        if (!settings.get(tenantId).topUpsEverInvoiced()) {
            return;
        }
        Account account = accounts.lock(tenantId, accountId);
        if (!amount.currency().equals(account.currency())) {
            // A refund in the currency a top-up was paid in, not the account's: what it took from the
            // balance is not known here, so its prepayment is left as it is (docs/billing.md).
            LOG.warning("refund in " + amount.currency() + " on account " + accountId + ": no prepayment taken back");
            return;
        }
        List<Invoice> left = new ArrayList<>(invoices.lockPrepaymentsLeft(tenantId, account.id()));
        if (topUpId != null) {
            left.sort((a, b) -> Boolean.compare(!topUpId.equals(a.topUpId()), !topUpId.equals(b.topUpId())));
        }
        if (left.isEmpty()) {
            return;
        }
        String reason = invoicing.reason(tenantId, accountId, paidNumber);
        long toTake = amount.minor();
        for (Invoice prepayment : left) {
            if (toTake == 0) {
                return;
            }
            long part = Math.min(toTake, prepayment.prepaymentLeft().minor());
            if (part <= 0 || !prepayment.currency().equals(account.currency())) {
                continue;
            }
            creditNotes.takeBackPrepayment(prepayment, part, settlement, reason);
            toTake -= part;
        }
    }
}
