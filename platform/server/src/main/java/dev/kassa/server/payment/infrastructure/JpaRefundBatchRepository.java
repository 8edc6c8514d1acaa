package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundBatch;
import dev.kassa.server.payment.domain.RefundBatchRepository;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Batches in {@code refund_batches}; their refunds are the {@code refunds} rows whose {@code batch_id} names them. */
@ApplicationScoped
public class JpaRefundBatchRepository implements RefundBatchRepository {
    private EntityManager em;

    protected JpaRefundBatchRepository() {
    }

    @Inject
    public JpaRefundBatchRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(RefundBatch batch) {
        em.persist(batch);
        // refunds.batch_id is a plain column, not a mapped relation: EclipseLink would not know to
        // insert the batch before the refunds that name it, and the foreign key would refuse them.
        em.flush();
    }

    @Override
    public Optional<RefundBatch> find(String tenantId, String id) {
        return TenantRows.find(em, RefundBatch.class, tenantId, id);
    }

    @Override
    public RefundBatch lock(String tenantId, String id) {
        return TenantRows.lock(em, RefundBatch.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public List<Refund> refunds(String tenantId, String batchId) {
        return em.createQuery("select r from Refund r where r.tenantId = :tenant and r.batchId = :batch"
                        + " order by r.createdAt, r.id", Refund.class)
                .setParameter("tenant", tenantId).setParameter("batch", batchId).getResultList();
    }

    @Override
    public List<Refund> lockUnbatched(String tenantId, int limit) {
        return em.createQuery("select r from Refund r where r.tenantId = :tenant and r.status = :pending"
                        + " and r.batchId is null and r.payeeIban is not null"
                        + " order by r.createdAt, r.id", Refund.class)
                .setParameter("tenant", tenantId).setParameter("pending", Refund.Status.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(limit).getResultList();
    }
}
