package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The webhook outbox in {@code webhook_deliveries} and its attempts in {@code webhook_attempts}.
 * Native SQL for the claim only: {@code FOR UPDATE SKIP LOCKED} lets a node pass over a delivery
 * another node is claiming instead of waiting for it.
 */
@ApplicationScoped
public class JpaWebhookDeliveryRepository implements WebhookDeliveryRepository {
    static final String NEXT_DUE = "select id from webhook_deliveries where status = 'PENDING'"
            + " and next_attempt_at <= ?1 order by next_attempt_at, id limit 1 for update skip locked";

    private EntityManager em;

    protected JpaWebhookDeliveryRepository() {
    }

    @Inject
    public JpaWebhookDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public void add(DeliveryAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<WebhookDelivery> lockNextDue(Instant now) {
        List<?> ids = em.createNativeQuery(NEXT_DUE).setParameter(1, Timestamp.from(now)).getResultList();
        // The row is locked by this transaction now; reading it as an entity does not wait.
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(WebhookDelivery.class, ids.get(0)));
    }

    @Override
    public Optional<WebhookDelivery> lock(String tenantId, String id) {
        return TenantRows.lock(em, WebhookDelivery.class, tenantId, id);
    }

    @Override
    public List<WebhookDelivery> page(String tenantId, String endpointId, String after, int limit) {
        TypedQuery<WebhookDelivery> query = em.createQuery("select d from WebhookDelivery d where d.tenantId = :tenant"
                + " and d.endpointId = :endpoint" + (after == null ? "" : " and d.id < :after") + " order by d.id desc",
                WebhookDelivery.class).setParameter("tenant", tenantId).setParameter("endpoint", endpointId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public List<DeliveryAttempt> attempts(String tenantId, Collection<String> deliveryIds) {
        return em.createQuery("select a from DeliveryAttempt a where a.tenantId = :tenant and a.deliveryId in :ids"
                        + " order by a.id", DeliveryAttempt.class)
                .setParameter("tenant", tenantId).setParameter("ids", deliveryIds).getResultList();
    }
}
