package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Invoices as drafts: creating and replacing them, reading and listing. Finalising is
 * {@link InvoiceFinalization}, paying {@link InvoicePayments}.
 */
@ApplicationScoped
public class InvoiceService {
    private InvoiceRepository invoices;
    private AccountRepository accounts;
    private InvoiceTerms terms;
    private Clock clock;

    protected InvoiceService() {
    }

    @Inject
    public InvoiceService(InvoiceRepository invoices, AccountRepository accounts, InvoiceTerms terms, Clock clock) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.terms = terms;
        this.clock = clock;
    }

    /**
     * What a draft says. {@code supplyDate} null: the date of finalisation. {@code dueAt} null: due
     * when finalised. Lines carry a nullable {@code serviceId} or {@code topUpId} when a renewal or a
     * top-up bills them.
     */
    public record DraftRequest(String payerId, List<InvoiceLine.Draft> lines, LocalDate supplyDate, Instant dueAt) { }

    /**
     * A new draft for one of the account's payers, lines in the account's currency, each line's tax
     * decided for the supply date (or today) as a preview; finalising decides again.
     *
     * @throws KassaException 404 for an unknown account or payer; 422 {@code invoice.currency_mismatch};
     *         409 {@code billing.settings_incomplete}
     */
    @Transactional
    public Invoice createDraft(String tenantId, String accountId, DraftRequest request) {
        Account account = accounts.require(tenantId, accountId);
        requireCurrency(account, request.lines());
        Invoice invoice = new Invoice(Ids.next("inv"), tenantId, accountId, account.currency(), clock.instant());
        fill(invoice, request);
        invoices.add(invoice);
        return loaded(invoice);
    }

    /** Replaces a draft as a whole; a finalised invoice is 409 {@code invoice.finalized} and stays as it was. */
    @Transactional
    public Invoice updateDraft(String tenantId, String invoiceId, DraftRequest request) {
        Invoice invoice = invoices.lock(tenantId, invoiceId);
        // Said before the body is looked at: nothing a client sends changes a finalised invoice.
        invoice.requireDraft();
        Account account = accounts.require(tenantId, invoice.accountId());
        requireCurrency(account, request.lines());
        fill(invoice, request);
        return loaded(invoice);
    }

    @Transactional
    public Invoice get(String tenantId, String invoiceId) {
        return loaded(invoices.require(tenantId, invoiceId));
    }

    /** The account's invoices, newest first, {@code limit + 1} of them; {@code status} null for all (drafts too). */
    @Transactional
    public List<Invoice> list(String tenantId, String accountId, InvoiceStatus status, PageRequest page) {
        accounts.require(tenantId, accountId);
        List<Invoice> found = invoices.page(tenantId, accountId, status, page.after(), page.limit());
        found.forEach(InvoiceService::loaded);
        return found;
    }

    /** The account's finalised invoices, drafts left out, newest first, {@code limit + 1} of them: what the customer sees. */
    @Transactional
    public List<Invoice> listFinalized(String tenantId, String accountId, PageRequest page) {
        accounts.require(tenantId, accountId);
        List<Invoice> found = invoices.pageFinalized(tenantId, accountId, page.after(), page.limit());
        found.forEach(InvoiceService::loaded);
        return found;
    }

    private void fill(Invoice invoice, DraftRequest request) {
        LocalDate supply = request.supplyDate() != null ? request.supplyDate()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        invoice.draft(request.payerId(), request.lines(), request.supplyDate(), request.dueAt(),
                terms.taxation(invoice.tenantId(), invoice.accountId(), request.payerId(), supply));
    }

    private static void requireCurrency(Account account, List<InvoiceLine.Draft> lines) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).unitPrice().currency().equals(account.currency())) {
                errors.add(new FieldError("lines[" + i + "].unitPrice.currency", "currency.mismatch",
                        "must be the account currency " + account.currency()));
            }
        }
        if (!errors.isEmpty()) {
            throw new KassaException(422, "invoice.currency_mismatch", "Currency mismatch",
                    "An invoice is in its account's currency, " + account.currency() + ".", errors);
        }
    }

    /** Reads the lines while the transaction is open, so a view can show them after it ends. */
    static Invoice loaded(Invoice invoice) {
        invoice.lines();
        return invoice;
    }
}
