package dev.kassa.server.payment.domain;

import java.util.List;

/** A tenant's notifications, only ever added to. Every method joins the caller's transaction. */
public interface NotificationRepository {
    void add(String tenantId, Notification notification);

    /**
     * Newest first, {@code limit + 1} after the cursor {@code after} (or null), for one account and
     * of one type when those are not null.
     */
    List<Notification> page(String tenantId, String accountId, String type, String after, int limit);
}
