package dev.kassa.server.tenant.infrastructure;

import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Tenants in {@code tenants}. */
@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {
    private EntityManager em;

    protected JpaTenantRepository() {
    }

    @Inject
    public JpaTenantRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    @Override
    public Optional<Tenant> lock(String id) {
        return Optional.ofNullable(em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    @Transactional
    public Optional<Tenant> findBySlug(String slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public List<Tenant> page(String after, int limit) {
        var query = after == null
                ? em.createQuery("select t from Tenant t order by t.id desc", Tenant.class)
                : em.createQuery("select t from Tenant t where t.id < :after order by t.id desc", Tenant.class)
                        .setParameter("after", after);
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** Flushed: rows of other contexts (payment method settings, API keys) reference it. */
    @Override
    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }
}
