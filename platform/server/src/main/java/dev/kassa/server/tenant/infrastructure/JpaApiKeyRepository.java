package dev.kassa.server.tenant.infrastructure;

import dev.kassa.server.tenant.domain.ApiKey;
import dev.kassa.server.tenant.domain.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in {@code tenant_api_keys}. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
    private EntityManager em;

    protected JpaApiKeyRepository() {
    }

    @Inject
    public JpaApiKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<LiveKey> findLive(String keyHash) {
        return em.createQuery("select k.id, k.tenantId, k.lastUsedAt from ApiKey k"
                        + " where k.keyHash = :hash and k.revokedAt is null", Object[].class)
                .setParameter("hash", keyHash).getResultStream()
                .map(r -> new LiveKey((String) r[0], (String) r[1], (Instant) r[2])).findFirst();
    }

    @Override
    public void touch(String id, Instant at) {
        em.createQuery("update ApiKey k set k.lastUsedAt = :at where k.id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    @Override
    public Optional<ApiKey> findLive(String tenantId, String id) {
        return em.createQuery("select k from ApiKey k where k.id = :id and k.tenantId = :tenant and k.revokedAt is null",
                        ApiKey.class)
                .setParameter("id", id).setParameter("tenant", tenantId).getResultStream().findFirst();
    }

    @Override
    public List<ApiKey> pageLive(String tenantId, String after, int limit) {
        String where = "k.tenantId = :tenant and k.revokedAt is null" + (after == null ? "" : " and k.id < :after");
        var query = em.createQuery("select k from ApiKey k where " + where + " order by k.id desc", ApiKey.class)
                .setParameter("tenant", tenantId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public void add(ApiKey key) {
        em.persist(key);
    }
}
