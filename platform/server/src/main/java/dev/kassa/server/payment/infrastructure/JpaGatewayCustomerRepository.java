package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.payment.domain.GatewayCustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Gateway customer ids in {@code gateway_customers}. Native SQL: the first id must win a race
 * quietly ({@code on conflict do nothing}), and the table has no entity.
 */
@ApplicationScoped
public class JpaGatewayCustomerRepository implements GatewayCustomerRepository {
    private EntityManager em;

    protected JpaGatewayCustomerRepository() {
    }

    @Inject
    public JpaGatewayCustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> find(String tenantId, String method, String accountId) {
        return em.createNativeQuery("select reference from gateway_customers where tenant_id = ?1 and method = ?2"
                        + " and account_id = ?3")
                .setParameter(1, tenantId).setParameter(2, method).setParameter(3, accountId)
                .getResultStream().findFirst().map(Object::toString);
    }

    @Override
    public void addIfAbsent(String tenantId, String method, String accountId, String reference, Instant createdAt) {
        em.createNativeQuery("insert into gateway_customers (tenant_id, method, account_id, reference, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, method).setParameter(3, accountId)
                .setParameter(4, reference).setParameter(5, Timestamp.from(createdAt))
                .executeUpdate();
    }

    @Override
    public void removeAll(String tenantId, String method) {
        em.createNativeQuery("delete from gateway_customers where tenant_id = ?1 and method = ?2")
                .setParameter(1, tenantId).setParameter(2, method).executeUpdate();
    }
}
