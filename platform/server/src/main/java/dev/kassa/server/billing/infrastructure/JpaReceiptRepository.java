package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.billing.domain.ReceiptRepository;
import dev.kassa.server.db.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Receipts in {@code receipts}, one per paid top-up. */
@ApplicationScoped
public class JpaReceiptRepository implements ReceiptRepository {
    private EntityManager em;

    protected JpaReceiptRepository() {
    }

    @Inject
    public JpaReceiptRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Receipt> find(String tenantId, String id) {
        return TenantRows.find(em, Receipt.class, tenantId, id);
    }

    @Override
    public Optional<Receipt> findByTopUp(String tenantId, String topUpId) {
        return em.createQuery("select r from Receipt r where r.tenantId = :tenant and r.topUpId = :topUp",
                        Receipt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).getResultStream().findFirst();
    }

    @Override
    public List<Receipt> page(String tenantId, String accountId, String after, int limit) {
        var query = em.createQuery("select r from Receipt r where r.tenantId = :tenant and r.accountId = :account"
                        + (after == null ? "" : " and r.id < :after") + " order by r.id desc", Receipt.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public void add(Receipt receipt) {
        em.persist(receipt);
    }
}
