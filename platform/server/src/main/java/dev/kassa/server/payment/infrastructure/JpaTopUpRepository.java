package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Top-ups in {@code top_ups}. */
@ApplicationScoped
public class JpaTopUpRepository implements TopUpRepository {
    private EntityManager em;

    protected JpaTopUpRepository() {
    }

    @Inject
    public JpaTopUpRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<TopUp> find(String tenantId, String id) {
        return TenantRows.find(em, TopUp.class, tenantId, id);
    }

    @Override
    public TopUp lock(String tenantId, String id) {
        return TenantRows.lock(em, TopUp.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public Optional<TopUp> findByReference(String tenantId, String reference) {
        return em.createQuery("select t from TopUp t where t.reference = :ref and t.tenantId = :tenant", TopUp.class)
                .setParameter("ref", reference).setParameter("tenant", tenantId).getResultStream().findFirst();
    }

    @Override
    public List<TopUp> page(String tenantId, String accountId, TopUpStatus status, String after, int limit) {
        var query = em.createQuery("select t from TopUp t where t.tenantId = :tenant and t.accountId = :account"
                        + (status == null ? "" : " and t.status = :status")
                        + (after == null ? "" : " and t.id < :after") + " order by t.id desc", TopUp.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public List<PayerIban> payerIbans(String tenantId, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t.accountId, t.payerId, t.payerIban from TopUp t where t.tenantId = :tenant"
                        + " and t.accountId in :accounts and t.payerIban is not null order by t.id desc", Object[].class)
                .setParameter("tenant", tenantId).setParameter("accounts", accountIds).getResultList().stream()
                .map(r -> new PayerIban((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Override
    public boolean anyOpen(String tenantId, String accountId) {
        return !em.createQuery("select t.id from TopUp t where t.tenantId = :tenant and t.accountId = :account"
                        + " and t.status = :status", String.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setParameter("status", TopUpStatus.NEW)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void add(TopUp topUp) {
        em.persist(topUp);
        em.flush();
    }
}
