package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.NumberFormat;
import dev.kassa.server.billing.domain.TaxCategory;
import dev.kassa.server.billing.domain.Taxation;
import dev.kassa.server.payment.application.TopUpPaid;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.theme.application.ThemeChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The prepayment invoice of a paid top-up, in the transaction that credits it ({@link Prepayments}):
 * finalised, numbered in the invoice series and paid by the top-up's own credit at once.
 */
@ApplicationScoped
public class PrepaymentInvoicing {
    private InvoiceRepository invoices;
    private InvoiceTerms terms;
    private DocumentCounters counters;
    private CustomerLanguage language;
    private Events events;

    protected PrepaymentInvoicing() {
    }

    @Inject
    public PrepaymentInvoicing(InvoiceRepository invoices, InvoiceTerms terms, DocumentCounters counters,
                               CustomerLanguage language, Events events) {
        this.invoices = invoices;
        this.terms = terms;
        this.counters = counters;
        this.language = language;
        this.events = events;
    }

    void issue(TopUpPaid paid, String payerId, BillingSettings s) {
        String tenantId = paid.tenantId();
        LocalDate day = LocalDate.ofInstant(paid.paidAt(), ZoneOffset.UTC);
        InvoiceTerms.Terms t = terms.of(tenantId, paid.accountId(), payerId, day);
        Taxation given = t.taxation();
        // The money received includes its VAT, whatever the tenant's prices do.
        Taxation included = new Taxation(given.establishment(), given.customerCountry(), given.customerVatId(),
                given.vatIdConfirmed(), day, true, given.rates());
        Invoice invoice = new Invoice(Ids.next("inv"), tenantId, paid.accountId(), paid.credited().currency(),
                paid.paidAt());
        invoice.draft(payerId, List.of(new InvoiceLine.Draft(description(tenantId, paid.accountId()), 1,
                paid.credited(), TaxCategory.STANDARD, null, paid.topUpId())), day, paid.paidAt(), included);
        invoices.add(invoice);
        long seq = counters.next(tenantId, DocumentSeries.INVOICE, day.getYear());
        String number = NumberFormat.format(s.format(DocumentSeries.INVOICE), day.getYear(), day.getMonthValue(),
                seq);
        invoice.finalize(number, t.parties(), day, included, paid.paidAt());
        invoice.keepEvidence(t.evidence());
        invoice.paidAsPrepayment(paid.topUpId(), paid.transactionId(), paid.paidAt());
        events.fire(new InvoiceFinalized(tenantId, invoice.id(), invoice.accountId(),
                invoice.payerId(), number, invoice.gross(), invoice.dueAt(), invoice.finalizedAt()));
        events.fire(new InvoicePaid(tenantId, invoice.id(), invoice.accountId(), invoice.payerId(), number,
                invoice.gross(), invoice.dueAt(), invoice.finalizedAt(), InvoicePaid.FROM_TOP_UP,
                paid.transactionId(), paid.paidAt(), false, null)); // no receipt mail: the top-up has its own
    }

    /** "Account credit" in the language the customer's documents are written in (English unless French). */
    private String description(String tenantId, String accountId) {
        return french(tenantId, accountId) ? "Crédit de compte" : "Account credit";
    }

    /**
     * Why a credit note takes a prepayment back, in the customer's language: it paid invoice
     * {@code paidNumber}, or (null) it was refunded.
     */
    String reason(String tenantId, String accountId, String paidNumber) {
        boolean fr = french(tenantId, accountId);
        if (paidNumber == null) {
            return fr ? "Remboursement de l’acompte non utilisé" : "Unused prepayment refunded";
        }
        return (fr ? "Acompte imputé sur la facture " : "Prepayment applied to invoice ") + paidNumber;
    }

    private boolean french(String tenantId, String accountId) {
        String locale = language.of(tenantId, accountId);
        return locale != null && locale.startsWith("fr");
    }

    /** The events a prepayment invoice fires, as any finalised and paid invoice does. */
    @ApplicationScoped
    public static class Events {
        private Event<InvoiceFinalized> finalized;
        private Event<InvoicePaid> paid;

        protected Events() {
        }

        @Inject
        public Events(Event<InvoiceFinalized> finalized, Event<InvoicePaid> paid) {
            this.finalized = finalized;
            this.paid = paid;
        }

        // Methods, not fields: the caller holds a client proxy, whose own fields are empty.
        void fire(InvoiceFinalized event) {
            finalized.fire(event);
        }

        void fire(InvoicePaid event) {
            paid.fire(event);
        }
    }
}

/** The language an account's documents are written in, as the document context decides it. */
@ApplicationScoped
class CustomerLanguage {
    private AccountRepository accounts;
    private ThemeChoice themes;

    protected CustomerLanguage() {
    }

    @Inject
    CustomerLanguage(AccountRepository accounts, ThemeChoice themes) {
        this.accounts = accounts;
        this.themes = themes;
    }

    String of(String tenantId, String accountId) {
        Account account = accounts.require(tenantId, accountId);
        return themes.localeForCustomer(tenantId, account.locale(), account.country());
    }
}
