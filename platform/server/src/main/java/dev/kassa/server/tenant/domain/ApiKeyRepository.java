package dev.kassa.server.tenant.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants' API keys; every finder but the authenticating one is scoped by tenant. */
public interface ApiKeyRepository {
    /** What authenticating needs of a live key, by its digest: its id, tenant and last use. */
    record LiveKey(String id, String tenantId, Instant lastUsedAt) { }

    Optional<LiveKey> findLive(String keyHash);

    /** Records a use with one small update, no entity load: a busy key is touched now and then. */
    void touch(String id, Instant at);

    Optional<ApiKey> findLive(String tenantId, String id);

    /** Live keys of a tenant, newest first, {@code limit + 1} rows after the cursor. */
    List<ApiKey> pageLive(String tenantId, String after, int limit);

    void add(ApiKey key);
}
