package dev.kassa.server.payment.domain;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TopUpRepository {
    private EntityManager em;

    protected TopUpRepository() {
    }

    @Inject
    public TopUpRepository(EntityManager em) {
        this.em = em;
    }

    public TopUp require(String tenantId, String id) {
        return TenantRows.find(em, TopUp.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    public TopUp lock(String tenantId, String id) {
        return TenantRows.lock(em, TopUp.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    public Optional<TopUp> lockByReference(String tenantId, String reference) {
        return em.createQuery("select t from TopUp t where t.reference = :ref and t.tenantId = :tenant", TopUp.class)
                .setParameter("ref", reference).setParameter("tenant", tenantId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public List<TopUp> page(String tenantId, String accountId, TopUpStatus status, String after, int limit) {
        var query = em.createQuery("select t from TopUp t where t.tenantId = :tenant and t.accountId = :account"
                        + (status == null ? "" : " and t.status = :status")
                        + (after == null ? "" : " and t.id < :after") + " order by t.id desc", TopUp.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** Whether the account has a top-up still NEW. */
    public boolean anyOpen(String tenantId, String accountId) {
        return !em.createQuery("select t.id from TopUp t where t.tenantId = :tenant and t.accountId = :account"
                        + " and t.status = 'NEW'", String.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public void add(TopUp topUp) {
        em.persist(topUp);
    }
}
