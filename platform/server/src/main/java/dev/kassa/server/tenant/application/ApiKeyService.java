package dev.kassa.server.tenant.application;

import dev.kassa.server.config.Secrets;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.tenant.domain.ApiKey;
import dev.kassa.server.tenant.domain.ApiKeyRepository;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants' API keys: issued, listed, revoked, and checked on every tenant request. A tenant may
 * hold several keys, so it can roll one without downtime: make the new key, switch over, revoke
 * the old one.
 *
 * <p>A key found in the database is remembered for {@link #REMEMBER_FOR}, so a revocation made on
 * another node takes effect here within that time; on the node that revokes, at once.
 */
@ApplicationScoped
public class ApiKeyService {
    static final Duration REMEMBER_FOR = Duration.ofSeconds(3);
    /** {@code lastUsedAt} is kept to this precision, so a busy key does not write on every request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private ApiKeyRepository keys;
    private TenantRepository tenants;
    private Clock clock;
    private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

    private record Remembered(String keyId, String tenantId, Instant until) { }

    /** A new key; {@code secret} is returned here only and never stored. */
    public record Issued(ApiKey key, String secret) { }

    protected ApiKeyService() {
    }

    @Inject
    public ApiKeyService(ApiKeyRepository keys, TenantRepository tenants, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The tenant a live key belongs to; empty for an unknown or revoked key. */
    @Transactional
    public Optional<String> authenticate(String secret) {
        String hash = Secrets.sha256(secret);
        Instant now = clock.instant();
        Remembered remembered = byHash.get(hash);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.tenantId());
        }
        Optional<ApiKeyRepository.LiveKey> live = keys.findLive(hash);
        if (live.isEmpty()) {
            byHash.remove(hash);
            return Optional.empty();
        }
        ApiKeyRepository.LiveKey key = live.get();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            keys.touch(key.id(), now);
        }
        if (byHash.size() >= MAX_REMEMBERED) {
            byHash.clear();
        }
        byHash.put(hash, new Remembered(key.id(), key.tenantId(), now.plus(REMEMBER_FOR)));
        return Optional.of(key.tenantId());
    }

    /** A new key for an existing tenant; joins the caller's transaction when there is one. */
    @Transactional
    public Issued issue(String tenantId) {
        tenants.require(tenantId);
        String secret = Secrets.newToken("ksk_");
        ApiKey key = new ApiKey(Ids.next("key"), tenantId, secret, Secrets.sha256(secret), clock.instant());
        keys.add(key);
        return new Issued(key, secret);
    }

    /** The tenant's live keys, newest first: {@code page.limit() + 1} rows, the last only telling that more follow. */
    @Transactional
    public List<ApiKey> list(String tenantId, PageRequest page) {
        tenants.require(tenantId);
        return keys.pageLive(tenantId, page.after(), page.limit());
    }

    /**
     * Revokes a key at once. Revoking a tenant's last key is allowed: the tenant is then locked out
     * until the operator issues a new one.
     */
    @Transactional
    public void revoke(String tenantId, String keyId) {
        tenants.require(tenantId);
        ApiKey key = keys.findLive(tenantId, keyId).orElseThrow(KassaException::notFound);
        key.revoke(clock.instant());
        byHash.values().removeIf(r -> r.keyId().equals(keyId));
    }
}
