package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.InstantConverter;
import dev.kassa.server.payment.domain.Notification;
import dev.kassa.server.payment.domain.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;

/** Notifications in {@code notifications}. Native SQL: the table has no entity, it is only appended to and paged. */
@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {
    private EntityManager em;

    protected JpaNotificationRepository() {
    }

    @Inject
    public JpaNotificationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(String tenantId, Notification n) {
        em.createNativeQuery("insert into notifications (id, tenant_id, account_id, type, subject_id, message,"
                        + " created_at) values (?1, ?2, cast(?3 as varchar(40)), ?4, cast(?5 as varchar(255)), ?6, ?7)")
                .setParameter(1, n.id()).setParameter(2, tenantId).setParameter(3, n.accountId())
                .setParameter(4, n.type()).setParameter(5, n.subjectId()).setParameter(6, n.message())
                .setParameter(7, Timestamp.from(n.createdAt()))
                .executeUpdate();
    }

    @Override
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
