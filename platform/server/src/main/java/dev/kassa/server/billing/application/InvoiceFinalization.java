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
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate supply = invoice.supplyDate() != null ? invoice.supplyDate() : today;
        InvoiceTerms.Terms t = terms.of(tenantId, invoice.accountId(), invoice.payerId(), supply);
        long seq = counters.next(tenantId, DocumentSeries.INVOICE, today.getYear());
        String number = NumberFormat.format(t.settings().format(DocumentSeries.INVOICE), today.getYear(),
                today.getMonthValue(), seq);
        invoice.finalize(number, t.parties(), supply, t.taxation(), now);
        invoice.keepEvidence(t.evidence());
        finalized.fire(new InvoiceFinalized(tenantId, invoice.id(), invoice.accountId(), invoice.payerId(), number,
                invoice.gross(), invoice.dueAt(), now));
        return InvoiceService.loaded(invoice);
    }
}
