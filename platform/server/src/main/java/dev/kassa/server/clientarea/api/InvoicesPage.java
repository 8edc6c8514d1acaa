package dev.kassa.server.clientarea.api;

import dev.kassa.server.billing.application.CustomerInvoices;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /invoices}: the account's invoices (no drafts), newest first, filtered by status and paged
 * by the list's cursor, each with "Get invoice" (its PDF) and, while open, "Pay" from the balance and
 * "Pay another way" (the top-up page bound to the invoice). A post pays one open invoice from the
 * balance ({@link CustomerInvoices#payFromBalance}); paying one that is paid already (a form sent
 * twice) is no error, and the customer is sent back where the form was ({@code returnTo}).
 */
@ApplicationScoped
public class InvoicesPage implements ClientAreaPage {
    static final int PAGE_SIZE = 20;

    private CustomerInvoices invoices;

    protected InvoicesPage() {
    }

    @Inject
    public InvoicesPage(CustomerInvoices invoices) {
        this.invoices = invoices;
    }

    /** One invoice of the list; {@code open} while it can be paid. */
    public record InvoiceRow(String id, String number, Instant issuedAt, Instant dueAt, Money amount, String status,
                             boolean open, boolean highlighted) { }

    /** Why an invoice was not paid: the text key, with the invoice's number and amount. */
    public record PayError(String invoiceId, String number, Money amount, String message) { }

    @Override
    public Set<String> paths() {
        return Set.of("/invoices");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        return Reply.page("invoices", model(visit, null));
    }

    @Override
    public Reply post(Visit visit) {
        String invoiceId = visit.param("invoice");
        if (invoiceId == null || !Ids.looksLike(invoiceId, "inv")) {
            return Reply.redirect("/invoices");
        }
        String back = ReturnPaths.safe(visit.param("returnTo"), "/invoices");
        back = back.replaceAll("([?&])paid=[^&]*&?", "$1").replaceAll("[?&]$", "");
        try {
            CustomerInvoices.Payment payment = invoices.payFromBalance(visit.tenantId(), visit.accountId(), invoiceId,
                    visit.remoteAddress());
            return Reply.redirect(back + (back.contains("?") ? "&" : "?") + "paid=" + payment.invoice().id());
        } catch (KassaException e) {
            if (e.status() == 404) {
                throw e;
            }
            if ("invoice.already_paid".equals(e.code())) {
                return Reply.redirect(back + (back.contains("?") ? "&" : "?") + "paid=" + invoiceId);
            }
            Invoice invoice = invoices.get(visit.tenantId(), visit.accountId(), invoiceId);
            String message = "balance.insufficient".equals(e.code()) ? "invoices.error.balance"
                    : "invoice.cancelled".equals(e.code()) ? "invoices.error.cancelled" : "invoices.error.failed";
            return Reply.page(422, "invoices", model(visit, new PayError(invoice.id(), invoice.number(),
                    invoice.gross(), message)));
        }
    }

    private Map<String, Object> model(Visit visit, PayError error) {
        InvoiceStatus status = status(visit.param("status"));
        String after = visit.param("after");
        if (after != null && !Ids.looksLike(after, "inv")) {
            after = null;
        }
        List<Invoice> found = invoices.list(visit.tenantId(), visit.accountId(), status,
                new dev.kassa.server.shared.PageRequest(PAGE_SIZE, after));
        boolean more = found.size() > PAGE_SIZE;
        List<Invoice> shown = more ? found.subList(0, PAGE_SIZE) : found;
        String highlight = error != null ? error.invoiceId() : visit.param("paid");
        List<InvoiceRow> rows = shown.stream().map(i -> new InvoiceRow(i.id(), i.number(), i.finalizedAt(),
                i.dueAt(), i.gross(), i.status().name(), i.status() == InvoiceStatus.NEW,
                i.id().equals(highlight))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "invoices");
        model.put("invoices", rows);
        model.put("statusFilter", status == null ? null : status.name());
        model.put("statuses", List.of("NEW", "PAID", "CANCELLED"));
        String filter = status == null ? "" : "status=" + status.name();
        model.put("nextPage", more ? "/invoices?" + (filter.isEmpty() ? "" : filter + "&") + "after="
                + shown.get(shown.size() - 1).id() : null);
        model.put("firstPage", after == null ? null : "/invoices" + (filter.isEmpty() ? "" : "?" + filter));
        model.put("payError", error);
        model.put("paid", error == null ? paidNumber(visit, invoices) : null);
        return model;
    }

    /** The number of the invoice a payment just paid ({@code paid} in the query), or null. */
    static String paidNumber(Visit visit, CustomerInvoices invoices) {
        String paid = visit.param("paid");
        if (paid == null || !Ids.looksLike(paid, "inv")) {
            return null;
        }
        // Another account's: nothing to say.
        return invoices.find(visit.tenantId(), visit.accountId(), paid).filter(i -> i.status() == InvoiceStatus.PAID)
                .map(Invoice::number).orElse(null);
    }

    private static InvoiceStatus status(String text) {
        if (text == null || "DRAFT".equals(text)) {
            return null;
        }
        try {
            return InvoiceStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
