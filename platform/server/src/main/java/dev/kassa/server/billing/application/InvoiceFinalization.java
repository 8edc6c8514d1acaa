package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.NumberFormat;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finalising a draft: in one transaction, under the invoice's row lock and then the counter's, the
 * invoice takes the next number of the tenant's invoice series for the year (UTC), formatted as the
 * settings say, and its tax decisions for the supply date; {@link InvoiceFinalized} is fired before
 * the commit. A rolled-back finalisation gives its number back, so numbers have no gap.
 */
@ApplicationScoped
public class InvoiceFinalization {
    private InvoiceRepository invoices;
    private InvoiceTerms terms;
    private DocumentCounters counters;
    private Event<InvoiceFinalized> finalized;
    private Clock clock;

    protected InvoiceFinalization() {
    }

    @Inject
    public InvoiceFinalization(InvoiceRepository invoices, InvoiceTerms terms, DocumentCounters counters,
                               Event<InvoiceFinalized> finalized, Clock clock) {
        this.invoices = invoices;
        this.terms = terms;
        this.counters = counters;
        this.finalized = finalized;
        this.clock = clock;
    }

    /**
     * @throws KassaException 404 for another tenant's or an unknown invoice; 409 {@code invoice.finalized}
     *         when it is no draft; 409 {@code billing.settings_incomplete}
     */
    @Transactional
    public Invoice finalize(String tenantId, String invoiceId) {
        Invoice invoice = invoices.lock(tenantId, invoiceId);
        invoice.requireDraft();
        Instant now = clock.instant();
        InvoiceTerms.Terms t = termsOf(invoice, now);
        int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
        return numbered(invoice, t, counters.next(tenantId, DocumentSeries.INVOICE, year), now);
    }

    /**
     * Finalises drafts this transaction has just made (a billing run's batch of renewals, all of
     * one tenant), as {@link #finalize} does one by one, but numbered last and at once: every
     * draft's terms are decided first (the location evidence read once for all of them, {@link
     * InvoiceTerms#ofAll}), then one step takes as many numbers as there are drafts, in the drafts'
     * order. The tenant's counter is locked from there to the commit, so a batch holds
     * it for a shorter time and other batches of the tenant draft meanwhile.
     *
     * @return the invoices, finalised, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Invoice> finalizeNew(String tenantId, List<Invoice> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<InvoiceTerms.Question> questions = new ArrayList<>(drafts.size());
        for (Invoice draft : drafts) {
            if (!draft.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("invoice " + draft.id() + " is not of tenant " + tenantId);
            }
            draft.requireDraft();
            questions.add(new InvoiceTerms.Question(draft.accountId(), draft.payerId(), supplyDate(draft, now)));
        }
        List<InvoiceTerms.Terms> decided = terms.ofAll(tenantId, questions);
        int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
        long first = counters.take(tenantId, DocumentSeries.INVOICE, year, drafts.size()) - drafts.size() + 1;
        List<Invoice> done = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            done.add(numbered(drafts.get(i), decided.get(i), first + i, now));
        }
        return done;
    }

    private InvoiceTerms.Terms termsOf(Invoice invoice, Instant now) {
        return terms.of(invoice.tenantId(), invoice.accountId(), invoice.payerId(), supplyDate(invoice, now));
    }

    private static LocalDate supplyDate(Invoice invoice, Instant now) {
        return invoice.supplyDate() != null ? invoice.supplyDate() : LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private Invoice numbered(Invoice invoice, InvoiceTerms.Terms t, long seq, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate supply = invoice.supplyDate() != null ? invoice.supplyDate() : today;
        String number = NumberFormat.format(t.settings().format(DocumentSeries.INVOICE), today.getYear(),
                today.getMonthValue(), seq);
        invoice.finalize(number, t.parties(), supply, t.taxation(), now);
        invoice.keepEvidence(t.evidence());
        finalized.fire(new InvoiceFinalized(invoice.tenantId(), invoice.id(), invoice.accountId(), invoice.payerId(),
                number, invoice.gross(), invoice.dueAt(), now));
        return InvoiceService.loaded(invoice);
    }
}
