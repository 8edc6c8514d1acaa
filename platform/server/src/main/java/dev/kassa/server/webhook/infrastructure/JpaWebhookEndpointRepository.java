package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints in {@code webhook_endpoints}. The live endpoints of a tenant are read once per
 * transaction: a renewal publishes three events, a batch of renewals sixty, each asking for them.
 */
@ApplicationScoped
public class JpaWebhookEndpointRepository implements WebhookEndpointRepository {
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions; // resource injection has no constructor form
    private EntityManager em;

    /** The key of a tenant's live endpoints among the transaction's resources. */
    private record Live(String tenantId) { }

    protected JpaWebhookEndpointRepository() {
    }

    @Inject
    public JpaWebhookEndpointRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        em.persist(endpoint);
        if (inTransaction()) {
            transactions.putResource(new Live(endpoint.tenantId()), null);
        }
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
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
    @SuppressWarnings("unchecked")
    public List<WebhookEndpoint> live(String tenantId) {
        if (!inTransaction()) {
            return queryLive(tenantId);
        }
        Live key = new Live(tenantId);
        List<WebhookEndpoint> live = (List<WebhookEndpoint>) transactions.getResource(key);
        if (live == null) {
            live = queryLive(tenantId);
            transactions.putResource(key, live);
        }
        return live;
    }

    private List<WebhookEndpoint> queryLive(String tenantId) {
        return em.createQuery("select e from WebhookEndpoint e where e.tenantId = :tenant and e.deletedAt is null",
                WebhookEndpoint.class).setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public long countLive(String tenantId) {
        return em.createQuery("select count(e) from WebhookEndpoint e where e.tenantId = :tenant"
                + " and e.deletedAt is null", Long.class).setParameter("tenant", tenantId).getSingleResult();
    }
}
