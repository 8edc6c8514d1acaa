package dev.kassa.server.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a tenant's API keys. Only the key's SHA-256 digest is kept (the key carries 256 random
 * bits, so a fast digest is safe), with its first characters and last four to tell keys apart. A
 * revoked key stays as a record of what existed, and never authenticates again.
 */
@Entity
@Table(name = "tenant_api_keys")
public class ApiKey {
    /** How many leading characters of a key are kept as its visible prefix ({@code ksk_AbCd}). */
    public static final int PREFIX_LENGTH = 8;

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "key_hash")
    private String keyHash;
    private String prefix;
    private String last4;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String tenantId, String key, String keyHash, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.keyHash = Objects.requireNonNull(keyHash);
        this.prefix = key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
        this.last4 = key.substring(Math.max(0, key.length() - 4));
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String prefix() {
        return prefix;
    }

    public String last4() {
        return last4;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
