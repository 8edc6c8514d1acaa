package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.payment.domain.WebhookEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Received gateway events in {@code webhook_events}. Native SQL: a redelivery must lose the race for
 * the row quietly ({@code on conflict do nothing}), and the table has no entity.
 */
@ApplicationScoped
public class JpaWebhookEventRepository implements WebhookEventRepository {
    private EntityManager em;

    protected JpaWebhookEventRepository() {
    }

    @Inject
    public JpaWebhookEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean addIfNew(String tenantId, String pluginId, String eventId, String type, Instant receivedAt) {
        return em.createNativeQuery("insert into webhook_events (tenant_id, plugin_id, event_id, type,"
                        + " received_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, pluginId).setParameter(3, eventId).setParameter(4, type)
                .setParameter(5, Timestamp.from(receivedAt)).executeUpdate() > 0;
    }

    @Override
    public void recordOutcome(String tenantId, String pluginId, String eventId, String outcome, String subject) {
        em.createNativeQuery("update webhook_events set outcome = ?1, subject = cast(?2 as varchar(255))"
                        + " where tenant_id = ?3 and plugin_id = ?4 and event_id = ?5")
                .setParameter(1, outcome).setParameter(2, subject).setParameter(3, tenantId).setParameter(4, pluginId)
                .setParameter(5, eventId).executeUpdate();
    }
}
