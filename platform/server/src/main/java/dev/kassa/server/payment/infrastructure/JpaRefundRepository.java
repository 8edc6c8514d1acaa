package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundRepository;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Refunds in {@code refunds}. */
@ApplicationScoped
public class JpaRefundRepository implements RefundRepository {
    private EntityManager em;

    protected JpaRefundRepository() {
    }

    @Inject
    public JpaRefundRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Refund refund) {
        em.persist(refund);
    }

    @Override
    public Optional<Refund> find(String tenantId, String id) {
        return TenantRows.find(em, Refund.class, tenantId, id);
    }

    @Override
    public Refund lock(String tenantId, String id) {
        return TenantRows.lock(em, Refund.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public Optional<Refund> lockForGateway(String tenantId, String method, String gatewayReference, String id) {
        return TenantRows.lockForGateway(em, Refund.class, tenantId, method, gatewayReference, id);
    }

    @Override
    public List<Refund> forTopUp(String tenantId, String topUpId) {
        return em.createQuery("select r from Refund r where r.tenantId = :tenant and r.topUpId = :topUp"
                        + " order by r.createdAt desc, r.id desc", Refund.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).getResultList();
    }

    @Override
    public long refundedMinor(String tenantId, String topUpId) {
        // The type of SUM(bigint) differs between databases (H2: NUMERIC).
        Number sum = (Number) em.createQuery("select coalesce(sum(r.amount.minor), 0) from Refund r"
                        + " where r.tenantId = :tenant and r.topUpId = :topUp and r.status <> :failed")
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId)
                .setParameter("failed", Refund.Status.FAILED).getSingleResult();
        return sum.longValue();
    }
}
