package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.CreditNoteRepository;
import dev.kassa.server.billing.domain.CreditNoteRepository.Credited;
import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.domain.LineAmounts;
import dev.kassa.server.billing.domain.NumberFormat;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Correcting a finalised invoice with a credit note. Under the locks a payment takes, in the same
 * order (invoice, the services awaiting it, account; then the credit-note counter, see
 * {@link InvoicePayments}): the lines taken back are checked
 * against what earlier credit notes took, the credit note takes the next number of the credit-note
 * series, and what it credits is settled:
 * <ul>
 *   <li>an <b>open</b> invoice is credited in full only, which cancels it (nothing was paid, so
 *       nothing moves); a partial correction of an open invoice is a full credit note and a new
 *       invoice, so an open invoice always says exactly what is owed;</li>
 *   <li>a <b>paid</b> invoice may be credited in parts: each credit note gives its gross amount back
 *       to the balance ({@code CREDIT_NOTE} in the statement); the one that takes back the last unit
 *       cancels the invoice.</li>
 * </ul>
 * The last credit of a line takes exactly what is left of its amounts, so the credit notes of an
 * invoice add up to the invoice to the cent whatever the rounding of the earlier ones.
 */
@ApplicationScoped
public class CreditNotes {
    private InvoiceRepository invoices;
    private InvoicePayments payments;
    private AccountRepository accounts;
    private CreditNoteRepository creditNotes;
    private DocumentCounters counters;
    private BillingSettingsService settings;
    private BalanceService balances;
    private Event<InvoiceCancelled> cancelled;
    private Event<CreditNoteIssued> issued;
    private Clock clock;

    protected CreditNotes() {
    }

    @Inject
    public CreditNotes(InvoiceRepository invoices, InvoicePayments payments, AccountRepository accounts, CreditNoteRepository creditNotes, DocumentCounters counters,
                       BillingSettingsService settings, BalanceService balances, Event<InvoiceCancelled> cancelled,
                       Event<CreditNoteIssued> issued, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.accounts = accounts;
        this.creditNotes = creditNotes;
        this.counters = counters;
        this.settings = settings;
        this.balances = balances;
        this.cancelled = cancelled;
        this.issued = issued;
        this.clock = clock;
    }

    /** Why, and which lines: {@code lines} null or empty takes back everything not credited yet. */
    public record Request(String reason, List<LineRequest> lines) { }

    /** How many units of one invoice line to take back. */
    public record LineRequest(String invoiceLineId, long quantity) { }

    /**
     * @throws KassaException 404 for another tenant's or an unknown invoice; 409 {@code invoice.not_finalized},
     *         {@code invoice.cancelled}, {@code credit_note.invoice_open} (a partial credit of an open
     *         invoice); 422 {@code request.invalid} for an unknown or repeated line or too many units
     */
    @Transactional
    public CreditNote issue(String tenantId, String invoiceId, Request request) {
        Invoice invoice = payments.lockForPayment(tenantId, invoiceId);
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw KassaException.conflict("invoice.not_finalized", "Invoice not finalised",
                    "A draft is not credited: change it instead.");
        }
        if (invoice.status() == InvoiceStatus.CANCELLED) {
            throw KassaException.conflict("invoice.cancelled", "Invoice cancelled",
                    "Invoice " + invoice.number() + " is cancelled: nothing is left to credit.");
        }
        if (invoice.isPrepayment()) {
            throw KassaException.conflict("credit_note.prepayment", "Prepayment invoice",
                    "Invoice " + invoice.number() + " invoices a top-up: it is credited by itself as the balance"
                            + " pays invoices or is refunded, not by hand.");
        }
        Map<String, Credited> before = creditNotes.creditedLines(tenantId, invoiceId);
        List<CreditNote.Taken> taken = request.lines() == null || request.lines().isEmpty()
                ? everythingLeft(invoice, before) : chosen(invoice, before, request.lines());
        boolean full = takesTheRest(invoice, before, taken);
        if (!full && invoice.status() == InvoiceStatus.NEW) {
            throw KassaException.conflict("credit_note.invoice_open", "Open invoice",
                    "Invoice " + invoice.number() + " is not paid: credit it in full (which cancels it) and"
                            + " issue a new invoice for what is owed.");
        }
        // The account before the counter, as a renewal takes them, even when no money moves.
        accounts.lock(tenantId, invoice.accountId());
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
        long seq = counters.next(tenantId, DocumentSeries.CREDIT_NOTE, year);
        String number = NumberFormat.format(settings.get(tenantId).format(DocumentSeries.CREDIT_NOTE), year,
                LocalDate.ofInstant(now, ZoneOffset.UTC).getMonthValue(), seq);
        Money gross = Money.zero(invoice.currency());
        for (CreditNote.Taken t : taken) {
            gross = gross.plus(new Money(t.amounts().gross(), invoice.currency()));
        }
        String transactionId = null;
        CreditNote.Settlement settlement = CreditNote.Settlement.INVOICE_CANCELLED;
        if (invoice.status() == InvoiceStatus.PAID) {
            settlement = CreditNote.Settlement.BALANCE_CREDITED;
            if (gross.minor() > 0) {
                transactionId = balances.giveBack(tenantId, invoice.accountId(), gross,
                        "Credit note " + number + " for invoice " + invoice.number(), number).id();
            }
        }
        CreditNote note = new CreditNote(Ids.next("crn"), invoice, number, request.reason(), taken, full, settlement,
                transactionId, now);
        creditNotes.add(note);
        issued.fire(new CreditNoteIssued(tenantId, note.id(), invoice.id(), invoice.accountId(), number));
        if (full) {
            invoice.cancel(now);
            cancelled.fire(new InvoiceCancelled(tenantId, invoice.id(), invoice.accountId(), invoice.payerId(),
                    invoice.number(), note.id(), number, now));
        }
        return loaded(note);
    }

    /**
     * Takes {@code grossMinor} back from a prepayment invoice (locked by the caller, after the
     * account, see {@link Prepayments}) with a credit note of one line: that part of the amount
     * received, its VAT taken out at the prepayment's rate; the last part takes exactly what is left,
     * so the credit notes add up to the prepayment to the cent. No money moves: the balance was
     * spent or refunded by the caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    CreditNote takeBackPrepayment(Invoice prepayment, long grossMinor, CreditNote.Settlement settlement,
                                  String reason) {
        String tenantId = prepayment.tenantId();
        InvoiceLine line = prepayment.lines().get(0);
        long left = prepayment.prepaymentLeft().minor();
        Map<String, Credited> before = creditNotes.creditedLines(tenantId, prepayment.id());
        LineAmounts amounts = grossMinor == left ? rest(line, before)
                : LineAmounts.of(1, grossMinor, line.taxDecision().rate(), true);
        prepayment.drawPrepayment(grossMinor);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long seq = counters.next(tenantId, DocumentSeries.CREDIT_NOTE, today.getYear());
        String number = NumberFormat.format(settings.get(tenantId).format(DocumentSeries.CREDIT_NOTE),
                today.getYear(), today.getMonthValue(), seq);
        CreditNote note = new CreditNote(Ids.next("crn"), prepayment, number, reason,
                List.of(new CreditNote.Taken(line, 1, amounts, grossMinor)), grossMinor == left, settlement, null,
                now);
        creditNotes.add(note);
        issued.fire(new CreditNoteIssued(tenantId, note.id(), prepayment.id(), prepayment.accountId(), number));
        return note;
    }

    @Transactional
    public CreditNote get(String tenantId, String creditNoteId) {
        return loaded(creditNotes.find(tenantId, creditNoteId).orElseThrow(KassaException::notFound));
    }

    /** The invoice's credit notes, newest first, {@code limit + 1} of them. */
    @Transactional
    public List<CreditNote> ofInvoice(String tenantId, String invoiceId, PageRequest page) {
        Invoice invoice = invoices.find(tenantId, invoiceId).orElseThrow(KassaException::notFound);
        List<CreditNote> found = creditNotes.page(tenantId, invoice.accountId(), invoiceId, page.after(),
                page.limit());
        found.forEach(CreditNotes::loaded);
        return found;
    }

    /** The account's credit notes, newest first, {@code limit + 1} of them. */
    @Transactional
    public List<CreditNote> ofAccount(String tenantId, String accountId, PageRequest page) {
        accounts.require(tenantId, accountId);
        List<CreditNote> found = creditNotes.page(tenantId, accountId, null, page.after(), page.limit());
        found.forEach(CreditNotes::loaded);
        return found;
    }

    private static List<CreditNote.Taken> everythingLeft(Invoice invoice, Map<String, Credited> before) {
        List<CreditNote.Taken> taken = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            long left = line.quantity() - creditedUnits(before, line);
            if (left > 0) {
                taken.add(new CreditNote.Taken(line, left, rest(line, before)));
            }
        }
        return taken;
    }

    private static List<CreditNote.Taken> chosen(Invoice invoice, Map<String, Credited> before,
                                                 List<LineRequest> requested) {
        List<FieldError> errors = new ArrayList<>();
        List<CreditNote.Taken> taken = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest r = requested.get(i);
            InvoiceLine line = invoice.lines().stream().filter(l -> l.id().equals(r.invoiceLineId())).findFirst()
                    .orElse(null);
            if (line == null) {
                errors.add(new FieldError("lines[" + i + "].invoiceLineId", "unknown", "no such line on the invoice"));
                continue;
            }
            if (!seen.add(line.id())) {
                errors.add(new FieldError("lines[" + i + "].invoiceLineId", "duplicate", "line named twice"));
                continue;
            }
            long left = line.quantity() - creditedUnits(before, line);
            if (r.quantity() > left) {
                errors.add(new FieldError("lines[" + i + "].quantity", "too_large",
                        "at most " + left + " left to credit on this line"));
                continue;
            }
            LineAmounts amounts = r.quantity() == left ? rest(line, before)
                    : LineAmounts.of(r.quantity(), line.unitPrice().minor(), line.taxDecision().rate(),
                    invoice.pricesIncludeVat());
            taken.add(new CreditNote.Taken(line, r.quantity(), amounts));
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        return taken;
    }

    /** Whether, with {@code taken}, every unit of every line is credited. */
    private static boolean takesTheRest(Invoice invoice, Map<String, Credited> before, List<CreditNote.Taken> taken) {
        for (InvoiceLine line : invoice.lines()) {
            long now = taken.stream().filter(t -> t.line().id().equals(line.id()))
                    .mapToLong(CreditNote.Taken::quantity).sum();
            if (creditedUnits(before, line) + now < line.quantity()) {
                return false;
            }
        }
        return true;
    }

    private static long creditedUnits(Map<String, Credited> before, InvoiceLine line) {
        Credited c = before.get(line.id());
        return c == null ? 0 : c.quantity();
    }

    /** What is left of a line's amounts after earlier credit notes. */
    private static LineAmounts rest(InvoiceLine line, Map<String, Credited> before) {
        Credited c = before.get(line.id());
        if (c == null) {
            return new LineAmounts(line.net().minor(), line.vat().minor(), line.gross().minor());
        }
        return new LineAmounts(line.net().minor() - c.amounts().net(), line.vat().minor() - c.amounts().vat(),
                line.gross().minor() - c.amounts().gross());
    }

    /** Reads the lines while the transaction is open, so a view can show them after it ends. */
    static CreditNote loaded(CreditNote note) {
        note.lines();
        return note;
    }
}
