package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Endpoints in {@code webhook_endpoints}. */
@ApplicationScoped
public class JpaWebhookEndpointRepository implements WebhookEndpointRepository {
    private EntityManager em;

    protected JpaWebhookEndpointRepository() {
    }

    @Inject
    public JpaWebhookEndpointRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> find(String tenantId, String id) {
        return TenantRows.find(em, WebhookEndpoint.class, tenantId, id);
    }

    @Override
    public List<WebhookEndpoint> page(String tenantId, String after, int limit) {
        TypedQuery<WebhookEndpoint> query = em.createQuery("select e from WebhookEndpoint e where e.tenantId = :tenant"
                + " and e.deletedAt is null" + (after == null ? "" : " and e.id < :after") + " order by e.id desc",
                WebhookEndpoint.class).setParameter("tenant", tenantId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public List<WebhookEndpoint> live(String tenantId) {
        return em.createQuery("select e from WebhookEndpoint e where e.tenantId = :tenant and e.deletedAt is null",
                WebhookEndpoint.class).setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public long countLive(String tenantId) {
        return em.createQuery("select count(e) from WebhookEndpoint e where e.tenantId = :tenant"
                + " and e.deletedAt is null", Long.class).setParameter("tenant", tenantId).getSingleResult();
    }
}
