package dev.kassa.server.signin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A single-use link sent to or for a customer: to sign in, or to set a password. Only the SHA-256
 * of its token is kept.
 */
@Entity
@Table(name = "signin_links")
public class LinkToken {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private LinkPurpose purpose;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "return_to")
    private String returnTo;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected LinkToken() {
    }

    public LinkToken(String id, String tenantId, String accountId, LinkPurpose purpose, String tokenHash,
                     String returnTo, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.returnTo = returnTo;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.validFor());
    }

    /** Whether it can still be used at {@code now}: not used yet and not expired. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Uses it up; it works once. */
    public void use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("link " + id + " was already used");
        }
        this.usedAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountId() {
        return accountId;
    }

    public LinkPurpose purpose() {
        return purpose;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String returnTo() {
        return returnTo;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
