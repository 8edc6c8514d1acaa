package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import dev.kassa.server.webhook.application.WebhookEvents;
import dev.kassa.server.webhook.domain.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Webhooks about invoices, written while the finalising or paying transaction is under way (as
 * {@code PaymentWebhooks} does for top-ups), so a delivery is in the outbox exactly when the invoice
 * change commits. It lives in billing, not in the webhook context: billing already publishes its
 * services' events through {@link WebhookEvents}, and the contexts may not depend on each other both ways.
 */
@ApplicationScoped
public class InvoiceWebhooks {
    private WebhookEvents events;

    protected InvoiceWebhooks() {
    }

    @Inject
    public InvoiceWebhooks(WebhookEvents events) {
        this.events = events;
    }

    /**
     * The {@code data} of {@code invoice.finalized} and {@code invoice.paid} ({@code InvoiceEventData}
     * in openapi.yaml): {@code paidAt}, {@code paidFrom} and {@code transactionId} are null until it is paid.
     */
    public record InvoiceEventData(String id, String accountId, String payerId, String number, String status,
                                   Money amount, Instant dueAt, Instant finalizedAt, Instant paidAt, String paidFrom,
                                   String transactionId) { }

    void onFinalized(@Observes InvoiceFinalized f) {
        events.publish(f.tenantId(), EventTypes.INVOICE_FINALIZED, new InvoiceEventData(f.invoiceId(), f.accountId(),
                f.payerId(), f.number(), "NEW", f.gross(), f.dueAt(), f.finalizedAt(), null, null, null));
    }

    void onPaid(@Observes InvoicePaid p) {
        events.publish(p.tenantId(), EventTypes.INVOICE_PAID, new InvoiceEventData(p.invoiceId(), p.accountId(),
                p.payerId(), p.number(), "PAID", p.amount(), p.dueAt(), p.finalizedAt(), p.paidAt(), p.from(),
                p.transactionId()));
    }
}
