package dev.kassa.server.payment.application;

import dev.kassa.server.payment.domain.Notification;
import dev.kassa.server.payment.domain.NotificationRepository;
import dev.kassa.server.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Events for a tenant and its customers that someone should hear about: a failed payment (for the
 * customer), an amount a gateway reported that differs from what was asked (for the tenant), a
 * gateway event about a payment we do not know. Written in the transaction of what they report;
 * the tenant reads them with {@code GET /api/v1/notifications} (mail delivery comes later).
 */
@ApplicationScoped
public class Notifications {
    private NotificationRepository notifications;
    private Clock clock;

    protected Notifications() {
    }

    @Inject
    public Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String tenantId, String accountId, String type, String subjectId, String message) {
        notifications.add(tenantId, new Notification(Ids.next("ntf"), accountId, type, subjectId,
                PaymentAttempts.truncate(message, 1000), clock.instant()));
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more follow. */
    @Transactional
    public List<Notification> page(String tenantId, String accountId, String type, String after, int limit) {
        return notifications.page(tenantId, accountId, type, after, limit);
    }
}
