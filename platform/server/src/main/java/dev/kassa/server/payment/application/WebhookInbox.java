package dev.kassa.server.payment.application;

import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.WebhookEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Verified gateway events, each applied once per tenant, plugin and event id: the event's row is
 * inserted first, so a concurrent redelivery waits for the first to commit and then finds it. A
 * redelivery is answered as a duplicate and changes nothing. If applying fails, nothing is
 * recorded and the gateway's retry applies it later.
 */
@ApplicationScoped
public class WebhookInbox {
    private WebhookEventRepository events;
    private PaymentAttempts attempts;
    private PaymentOutcomes outcomes;
    private SavedMethodOutcomes savedMethods;
    private RefundOutcomes refunds;
    private PaymentReversals reversals;
    private Notifications notifications;
    private Clock clock;

    /** What became of a delivery. */
    public record Receipt(String eventId, boolean duplicate, String outcome) { }

    protected WebhookInbox() {
    }

    @Inject
    public WebhookInbox(WebhookEventRepository events, PaymentAttempts attempts, PaymentOutcomes outcomes,
                        SavedMethodOutcomes savedMethods, RefundOutcomes refunds, PaymentReversals reversals,
                        Notifications notifications, Clock clock) {
        this.events = events;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.savedMethods = savedMethods;
        this.refunds = refunds;
        this.reversals = reversals;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Receipt apply(String tenantId, String pluginId, String method, WebhookEvent event) {
        String eventId = PaymentAttempts.truncate(event.id(), 255);
        if (!events.addIfNew(tenantId, pluginId, eventId, PaymentAttempts.truncate(event.type(), 100),
                clock.instant())) {
            return new Receipt(event.id(), true, "duplicate");
        }
        String outcome;
        String subject = null;
        if (event.payment() != null) {
            Optional<PaymentAttempt> attempt = attempts.lockFor(tenantId, method, event.payment().gatewayReference(),
                    event.payment().attemptId());
            if (attempt.isPresent()) {
                outcomes.apply(attempt.get(), event.payment(), "webhook", event.id());
                outcome = "applied";
                subject = attempt.get().id();
            } else {
                outcome = "unknown_payment";
                notifications.add(tenantId, null, "webhook.unknown_payment", event.payment().gatewayReference(),
                        "The gateway reported " + event.type() + " for a payment Kassa does not know ("
                                + event.payment().gatewayReference() + "); recorded, not credited.");
            }
        } else if (event.setup() != null) {
            Optional<SavedMethod> saved = savedMethods.applyFromGateway(tenantId, method, event.setup());
            outcome = saved.isPresent() ? "applied" : "unknown_setup";
            subject = saved.map(SavedMethod::id).orElse(null);
        } else if (event.refund() != null) {
            Optional<Refund> refund = refunds.applyFromGateway(tenantId, method, event.refund());
            outcome = refund.isPresent() ? "applied" : "unknown_refund";
            subject = refund.map(Refund::id).orElse(null);
        } else if (event.reversal() != null) {
            PaymentReversals.Result result = reversals.applyFromGateway(tenantId, method, event.reversal(), event.id());
            outcome = result == PaymentReversals.Result.APPLIED ? "applied"
                    : result == PaymentReversals.Result.UNKNOWN_PAYMENT ? "unknown_payment" : "ignored";
        } else {
            outcome = "ignored";
        }
        events.recordOutcome(tenantId, pluginId, eventId, outcome, subject);
        return new Receipt(event.id(), false, outcome);
    }
}
