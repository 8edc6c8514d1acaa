package dev.kassa.server.document.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.billing.application.InvoiceFinalized;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.theme.application.ThemeChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Queues the PDF of every invoice in the transaction that finalises it, in the language the
 * customer sees the client area in (their chosen language, else their country's theme, else the
 * tenant's default): the worker renders it once that transaction has committed.
 */
@ApplicationScoped
public class FinalizedInvoices {
    private DocumentQueue queue;
    private AccountService accounts;
    private ThemeChoice themes;

    protected FinalizedInvoices() {
    }

    @Inject
    public FinalizedInvoices(DocumentQueue queue, AccountService accounts, ThemeChoice themes) {
        this.queue = queue;
        this.accounts = accounts;
        this.themes = themes;
    }

    void onFinalized(@Observes InvoiceFinalized event) {
        Account account = accounts.get(event.tenantId(), event.accountId());
        String locale = themes.localeForCustomer(event.tenantId(), account.locale(), account.country());
        // An invoice is finalised once, in this transaction: no document names it yet.
        queue.queueNew(event.tenantId(), DocumentKind.INVOICE, event.invoiceId(), locale);
    }
}
