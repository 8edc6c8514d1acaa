package dev.kassa.server.webhook.application;

import dev.kassa.server.payment.application.PaymentReversed;
import dev.kassa.server.payment.application.RefundProcessed;
import dev.kassa.server.payment.application.TopUpCancelled;
import dev.kassa.server.payment.application.TopUpPaid;
import dev.kassa.server.shared.Money;
import dev.kassa.server.webhook.domain.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Webhooks about payments, written when the payment context says what happened: observed while the
 * event's transaction is under way (as the customer's mail is), so the delivery is in the outbox
 * exactly when the payment change is committed.
 */
@ApplicationScoped
public class PaymentWebhooks {
    private WebhookEvents events;

    protected PaymentWebhooks() {
    }

    @Inject
    public PaymentWebhooks(WebhookEvents events) {
        this.events = events;
    }

    /** The {@code data} of {@code topup.paid} and {@code topup.cancelled}. */
    public record TopUpData(String id, String accountId, String reference, String status, Money amount,
                            Money credited, String reasonCode, String reason) { }

    /** The {@code data} of {@code refund.succeeded}. */
    public record RefundData(String id, String accountId, String reference, String status, Money amount) { }

    /** The {@code data} of {@code payment.reversed}. */
    public record ReversalData(String topUpId, String accountId, String reference, Money amount, Money debited,
                               Money balanceAfter, String reasonCode, String reason, String transactionId) { }

    void onPaid(@Observes TopUpPaid paid) {
        events.publish(paid.tenantId(), EventTypes.TOPUP_PAID, new TopUpData(paid.topUpId(), paid.accountId(),
                paid.reference(), "PAID", paid.paid(), paid.credited(), null, null));
    }

    void onCancelled(@Observes TopUpCancelled cancelled) {
        events.publish(cancelled.tenantId(), EventTypes.TOPUP_CANCELLED, new TopUpData(cancelled.topUpId(),
                cancelled.accountId(), cancelled.reference(), "CANCELLED", cancelled.amount(), null,
                cancelled.reasonCode(), cancelled.reason()));
    }

    void onReversed(@Observes PaymentReversed reversed) {
        events.publish(reversed.tenantId(), EventTypes.PAYMENT_REVERSED, new ReversalData(reversed.topUpId(),
                reversed.accountId(), reversed.reference(), reversed.amount(), reversed.debited(),
                reversed.balanceAfter(), reversed.reasonCode(), reversed.reason(), reversed.transactionId()));
    }

    void onRefundProcessed(@Observes RefundProcessed processed) {
        events.publish(processed.tenantId(), EventTypes.REFUND_SUCCEEDED, new RefundData(processed.refundId(),
                processed.accountId(), processed.reference(), "SUCCEEDED", processed.amount()));
    }
}
