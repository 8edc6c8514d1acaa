package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.db.ArrayInsert;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.DeliveryStatus;
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
 * Native SQL for the claim ({@code FOR UPDATE SKIP LOCKED} lets a node pass over a delivery another
 * node is claiming instead of waiting for it) and, on PostgreSQL, for writing many new deliveries
 * at once ({@link #addAll}).
 */
@ApplicationScoped
public class JpaWebhookDeliveryRepository implements WebhookDeliveryRepository {
    static final String NEXT_DUE = "select id from webhook_deliveries where status = 'PENDING'"
            + " and next_attempt_at <= ?1 order by next_attempt_at, id limit 1 for update skip locked";

    /*
     * New deliveries as arrays, one per column, so the text is the same for any number of rows and
     * is prepared once; the columns a new delivery leaves empty stay null. The instants go in as
     * ISO-8601 text.
     */
    static final String INSERT_ALL = "insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id,"
            + " event_type, payload, status, tries, next_attempt_at, window_start, created_at, updated_at)"
            + " select id, tenant_id, endpoint_id, event_id, event_type, payload, status, 0,"
            + " cast(next_attempt_at as timestamp with time zone), cast(window_start as timestamp with time zone),"
            + " cast(created_at as timestamp with time zone), cast(created_at as timestamp with time zone)"
            + " from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[])) as d (id, tenant_id, endpoint_id, event_id, event_type, payload, status,"
            + " next_attempt_at, window_start, created_at)";

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

    /**
     * On PostgreSQL one statement for all of them, written now rather than at the commit ({@link
     * ArrayInsert}); on H2 each is persisted. The rows are not in this persistence context: nothing
     * in the transaction that writes them reads them back.
     */
    @Override
    public void addAll(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        for (WebhookDelivery d : deliveries) {
            if (d.status() != DeliveryStatus.PENDING || d.tries() != 0 || d.claimToken() != null
                    || d.lastStatusCode() != null || d.lastError() != null || d.deliveredAt() != null
                    || !d.windowStart().equals(d.createdAt())) {
                throw new IllegalArgumentException("delivery " + d.id() + " is not new");
            }
        }
        int n = deliveries.size();
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            WebhookDelivery d = deliveries.get(i);
            columns[0][i] = d.id();
            columns[1][i] = d.tenantId();
            columns[2][i] = d.endpointId();
            columns[3][i] = d.eventId();
            columns[4][i] = d.eventType();
            columns[5][i] = d.payload();
            columns[6][i] = d.status().name();
            columns[7][i] = d.nextAttemptAt().toString();
            columns[8][i] = d.windowStart().toString();
            columns[9][i] = d.createdAt().toString();
        }
        if (!ArrayInsert.run(em, INSERT_ALL, columns, n, "webhook deliveries")) {
            deliveries.forEach(em::persist);
        }
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
