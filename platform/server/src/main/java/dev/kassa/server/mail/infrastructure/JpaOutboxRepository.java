package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.OutboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code mail_outbox}. Native SQL for the claim only: {@code FOR UPDATE SKIP LOCKED}
 * lets a node pass over a mail another node is claiming instead of waiting for it.
 */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {
    /** The id of the PENDING mail due longest ago, locked; mails other transactions hold locked are skipped. */
    static final String NEXT_DUE = "select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1"
            + " order by next_attempt_at, id limit 1 for update skip locked";

    private EntityManager em;

    protected JpaOutboxRepository() {
    }

    @Inject
    public JpaOutboxRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(OutboxMessage message) {
        em.persist(message);
    }

    @Override
    public Optional<OutboxMessage> lockNextDue(Instant now) {
        List<?> ids = em.createNativeQuery(NEXT_DUE).setParameter(1, Timestamp.from(now)).getResultList();
        // The row is locked by this transaction now; reading it as an entity does not wait.
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(OutboxMessage.class, ids.get(0)));
    }

    @Override
    public Optional<OutboxMessage> lock(String tenantId, String id) {
        return TenantRows.lock(em, OutboxMessage.class, tenantId, id);
    }

    @Override
    public List<OutboxMessage> page(OutboxStatus status, String after, int limit) {
        String where = (status == null ? "" : " and m.status = :status") + (after == null ? "" : " and m.id < :after");
        TypedQuery<OutboxMessage> query = em.createQuery("select m from OutboxMessage m where 1 = 1" + where
                + " order by m.id desc", OutboxMessage.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }
}
