package dev.kassa.server.clientarea.api;

import dev.kassa.server.billing.application.CustomerInvoices;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notice of the layout for invoices due ({@code invoicesDue}: how many, their total, the
 * oldest's number), on every page of a signed-in customer while any invoice of theirs is open,
 * linking to the Invoices page. It is not dismissed: it goes away when the invoices are paid. The
 * Invoices page itself lists them and shows no notice.
 */
@ApplicationScoped
public class InvoiceNotices implements LayoutContribution {
    /** How many open invoices are counted; beyond, the notice says "more than". */
    static final int COUNTED = 20;
    private static final Logger LOG = Logger.getLogger(InvoiceNotices.class.getName());

    private CustomerInvoices invoices;

    protected InvoiceNotices() {
    }

    @Inject
    public InvoiceNotices(CustomerInvoices invoices) {
        this.invoices = invoices;
    }

    /** What the notice shows; {@code more} when there are more than {@code count}. */
    public record InvoicesDueView(int count, Money total, boolean more) { }

    @Override
    public void fill(Map<String, Object> model, Visit visit) {
        if (!visit.signedIn() || model.containsKey("invoicesDue") || visit.path().startsWith("/invoices")) {
            return;
        }
        try {
            List<Invoice> open = invoices.open(visit.tenantId(), visit.accountId(), COUNTED);
            if (open.isEmpty()) {
                return;
            }
            List<Invoice> counted = open.size() > COUNTED ? open.subList(0, COUNTED) : open;
            Money total = Money.zero(counted.get(0).currency());
            for (Invoice i : counted) {
                total = total.plus(i.gross());
            }
            model.put("invoicesDue", new InvoicesDueView(counted.size(), total, open.size() > COUNTED));
        } catch (RuntimeException e) {
            // A notice is no reason to fail the page it sits on.
            LOG.log(Level.WARNING, "the invoices-due notice could not be read", e);
        }
    }
}
