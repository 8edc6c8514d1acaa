package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.InvoiceLineRequest;
import dev.kassa.server.billing.api.BillingRequests.InvoiceRequest;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.TaxCategory;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Turns a checked {@link InvoiceRequest} into what {@link InvoiceService} takes. */
final class InvoiceDrafts {
    /** More lines are a list of services to bill one by one, not one invoice. */
    static final int MAX_LINES = 100;

    private InvoiceDrafts() {
    }

    static InvoiceService.DraftRequest of(InvoiceRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.lines().isEmpty()) {
            errors.add(new FieldError("lines", "empty", "must hold at least one line"));
        } else if (body.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "too_many", "must hold at most " + MAX_LINES + " lines"));
        }
        LocalDate supplyDate = null;
        if (body.supplyDate() != null) {
            try {
                supplyDate = LocalDate.parse(body.supplyDate());
            } catch (DateTimeException e) {
                errors.add(new FieldError("supplyDate", "invalid", "is no date of the calendar"));
            }
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        Instant dueAt = body.dueAt() == null ? null : OffsetDateTime.parse(body.dueAt()).toInstant();
        List<InvoiceLine.Draft> lines = new ArrayList<>();
        for (InvoiceLineRequest line : body.lines()) {
            TaxCategory category = line.taxCategory() == null ? TaxCategory.STANDARD
                    : TaxCategory.valueOf(line.taxCategory());
            lines.add(new InvoiceLine.Draft(line.description(), line.count(), line.unitPrice().toMoney(), category,
                    null, null));
        }
        return new InvoiceService.DraftRequest(body.payerId(), lines, supplyDate, dueAt);
    }
}
