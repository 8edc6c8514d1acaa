package dev.kassa.server.tenant.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository {
    private EntityManager em;

    protected TenantRepository() {
    }

    @Inject
    public TenantRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    /** Locks the tenant row: used to serialise changes of tenant-wide settings. */
    public Optional<Tenant> lock(String id) {
        return Optional.ofNullable(em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Tenant require(String id) {
        return find(id).orElseThrow(dev.kassa.server.shared.KassaException::notFound);
    }

    /** In a transaction of its own when called outside one (webhooks arrive without a request context). */
    @jakarta.transaction.Transactional
    public Optional<Tenant> findBySlug(String slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    public List<Tenant> page(String after, int limit) {
        var query = after == null
                ? em.createQuery("select t from Tenant t order by t.id desc", Tenant.class)
                : em.createQuery("select t from Tenant t where t.id < :after order by t.id desc", Tenant.class)
                        .setParameter("after", after);
        return query.setMaxResults(limit + 1).getResultList();
    }

    public List<String> allIds() {
        return em.createQuery("select t.id from Tenant t order by t.id", String.class).getResultList();
    }

    /** Whether any money has moved for this tenant: then its base currency is fixed. */
    public boolean hasLedgerEntries(String tenantId) {
        return !em.createNativeQuery("select 1 from journal_entries where tenant_id = ?1")
                .setParameter(1, tenantId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The currencies the tenant's accounts are kept in. */
    public List<String> accountCurrencies(String tenantId) {
        return em.createQuery("select distinct a.balance.currency from Account a where a.tenantId = :tenant",
                        dev.kassa.server.shared.CurrencyUnit.class)
                .setParameter("tenant", tenantId).getResultList().stream().map(c -> c.code()).toList();
    }

    public void add(Tenant tenant) {
        em.persist(tenant);
    }
}
