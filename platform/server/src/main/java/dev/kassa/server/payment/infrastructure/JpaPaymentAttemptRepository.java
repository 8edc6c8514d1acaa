package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.InstantConverter;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.AttemptEvent;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.PaymentAttemptRepository;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Payment attempts in {@code payment_attempts}, their history in {@code payment_attempt_events}. */
@ApplicationScoped
public class JpaPaymentAttemptRepository implements PaymentAttemptRepository {
    private static final List<AttemptStatus> OPEN = List.of(AttemptStatus.UNKNOWN, AttemptStatus.PENDING,
            AttemptStatus.ACTION_REQUIRED);

    private EntityManager em;

    protected JpaPaymentAttemptRepository() {
    }

    @Inject
    public JpaPaymentAttemptRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(PaymentAttempt attempt) {
        em.persist(attempt);
        em.flush();
    }

    @Override
    public Optional<PaymentAttempt> find(String tenantId, String id) {
        return TenantRows.find(em, PaymentAttempt.class, tenantId, id);
    }

    @Override
    public PaymentAttempt lock(String tenantId, String id) {
        return TenantRows.lock(em, PaymentAttempt.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public Optional<PaymentAttempt> lockForGateway(String tenantId, String method, String gatewayReference,
                                                   String id) {
        return TenantRows.lockForGateway(em, PaymentAttempt.class, tenantId, method, gatewayReference, id);
    }

    @Override
    public List<PaymentAttempt> lockOpen(String tenantId, String topUpId, String method) {
        return em.createQuery("select a from PaymentAttempt a where a.tenantId = :tenant and a.topUpId = :topUp"
                        + " and a.method = :method and a.status in :open order by a.id", PaymentAttempt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).setParameter("method", method)
                .setParameter("open", OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<PaymentAttempt> forTopUp(String tenantId, String topUpId) {
        return em.createQuery("select a from PaymentAttempt a where a.tenantId = :tenant and a.topUpId = :topUp"
                        + " order by a.createdAt desc, a.id desc", PaymentAttempt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).getResultList();
    }

    @Override
    public Optional<PaymentAttempt> succeeded(String tenantId, String topUpId) {
        return em.createQuery("select a from PaymentAttempt a where a.tenantId = :tenant and a.topUpId = :topUp"
                        + " and a.status = :status", PaymentAttempt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId)
                .setParameter("status", AttemptStatus.SUCCEEDED).getResultStream().findFirst();
    }

    /** Native SQL: the history has no entity, it is only ever appended to and read in order. */
    @Override
    public void addEvent(AttemptEvent event) {
        em.createNativeQuery("insert into payment_attempt_events (id, tenant_id, attempt_id, status, source, event_id,"
                        + " detail, created_at) values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar(255)),"
                        + " cast(?7 as varchar(1000)), ?8)")
                .setParameter(1, event.id()).setParameter(2, event.tenantId()).setParameter(3, event.attemptId())
                .setParameter(4, event.status().name()).setParameter(5, event.source())
                .setParameter(6, event.eventId()).setParameter(7, event.detail())
                .setParameter(8, Timestamp.from(event.createdAt()))
                .executeUpdate();
    }

    @Override
    public List<AttemptEvent> events(String tenantId, String attemptId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, status, source, event_id, detail, created_at"
                        + " from payment_attempt_events where tenant_id = ?1 and attempt_id = ?2 order by created_at, id")
                .setParameter(1, tenantId).setParameter(2, attemptId).getResultList();
        return rows.stream().map(r -> new AttemptEvent((String) r[0], tenantId, attemptId,
                AttemptStatus.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                InstantConverter.toInstant(r[5]))).toList();
    }
}
