package dev.kassa.server.payment.application;

import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.SavedMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
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
    private EntityManager em;
    private PaymentAttempts attempts;
    private PaymentOutcomes outcomes;
    private SavedMethodStore savedMethods;
    private RefundStore refunds;
    private Notifications notifications;
    private Clock clock;

    /** What became of a delivery. */
    public record Receipt(String eventId, boolean duplicate, String outcome) { }

    protected WebhookInbox() {
    }

    @Inject
    public WebhookInbox(EntityManager em, PaymentAttempts attempts, PaymentOutcomes outcomes,
                        SavedMethodStore savedMethods, RefundStore refunds, Notifications notifications, Clock clock) {
        this.em = em;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.savedMethods = savedMethods;
        this.refunds = refunds;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Receipt apply(String tenantId, String pluginId, String method, WebhookEvent event) {
        int inserted = em.createNativeQuery("insert into webhook_events (tenant_id, plugin_id, event_id, type,"
                        + " received_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, pluginId)
                .setParameter(3, PaymentAttempts.truncate(event.id(), 255))
                .setParameter(4, PaymentAttempts.truncate(event.type(), 100))
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        if (inserted == 0) {
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
            Optional<SavedMethod> saved = savedMethods.lockFor(tenantId, method, event.setup().gatewayReference(),
                    event.setup().savedMethodId());
            saved.ifPresent(s -> savedMethods.apply(s, event.setup()));
            outcome = saved.isPresent() ? "applied" : "unknown_setup";
            subject = saved.map(SavedMethod::id).orElse(null);
        } else if (event.refund() != null) {
            Optional<Refund> refund = refunds.lockFor(tenantId, method, event.refund().gatewayReference(),
                    event.refund().refundId());
            refund.ifPresent(r -> refunds.apply(r, event.refund()));
            outcome = refund.isPresent() ? "applied" : "unknown_refund";
            subject = refund.map(Refund::id).orElse(null);
        } else {
            outcome = "ignored";
        }
        em.createNativeQuery("update webhook_events set outcome = ?1, subject = cast(?2 as varchar(255))"
                        + " where tenant_id = ?3 and plugin_id = ?4 and event_id = ?5")
                .setParameter(1, outcome).setParameter(2, subject).setParameter(3, tenantId).setParameter(4, pluginId)
                .setParameter(5, PaymentAttempts.truncate(event.id(), 255)).executeUpdate();
        return new Receipt(event.id(), false, outcome);
    }
}
