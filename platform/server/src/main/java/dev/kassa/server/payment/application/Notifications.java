package dev.kassa.server.payment.application;

import dev.kassa.server.db.InstantConverter;
import dev.kassa.server.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Events for a tenant and its customers that someone should hear about: a failed payment (for the
 * customer), an amount a gateway reported that differs from what was asked (for the tenant), a
 * gateway event about a payment we do not know. Written in the transaction of what they report;
 * the tenant reads them with {@code GET /api/v1/notifications} (mail delivery comes later).
 */
@ApplicationScoped
public class Notifications {
    private EntityManager em;
    private Clock clock;

    protected Notifications() {
    }

    @Inject
    public Notifications(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record Notification(String id, String accountId, String type, String subjectId, String message,
                               Instant createdAt) { }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String tenantId, String accountId, String type, String subjectId, String message) {
        em.createNativeQuery("insert into notifications (id, tenant_id, account_id, type, subject_id, message,"
                        + " created_at) values (?1, ?2, cast(?3 as varchar(40)), ?4, cast(?5 as varchar(255)), ?6, ?7)")
                .setParameter(1, Ids.next("ntf")).setParameter(2, tenantId).setParameter(3, accountId)
                .setParameter(4, type).setParameter(5, subjectId)
                .setParameter(6, PaymentAttempts.truncate(message, 1000))
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more follow. */
    @Transactional
    public List<Notification> page(String tenantId, String accountId, String type, String after, int limit) {
        StringBuilder sql = new StringBuilder("select id, account_id, type, subject_id, message, created_at"
                + " from notifications where tenant_id = ?1");
        if (accountId != null) {
            sql.append(" and account_id = ?2");
        }
        if (type != null) {
            sql.append(" and type = ?3");
        }
        if (after != null) {
            sql.append(" and id < ?4");
        }
        sql.append(" order by id desc");
        var query = em.createNativeQuery(sql.toString()).setParameter(1, tenantId);
        if (accountId != null) {
            query.setParameter(2, accountId);
        }
        if (type != null) {
            query.setParameter(3, type);
        }
        if (after != null) {
            query.setParameter(4, after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(r -> new Notification((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], InstantConverter.toInstant(r[5]))).toList();
    }
}
