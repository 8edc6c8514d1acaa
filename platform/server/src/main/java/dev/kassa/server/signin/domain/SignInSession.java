package dev.kassa.server.signin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A customer's session in the client area, stored so that it survives a restart and is seen by
 * every node. Only the SHA-256 of its token is kept; the CSRF token is kept as it is (it is no
 * credential without the session's cookie, and every page must show it).
 */
@Entity
@Table(name = "customer_sessions")
public class SignInSession {
    /** How long a session lives without being used. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** How long a session lives at most, however busy. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "csrf_token")
    private String csrfToken;
    @Column(name = "remote_address")
    private String remoteAddress;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "idle_expires_at")
    private Instant idleExpiresAt;
    @Column(name = "absolute_expires_at")
    private Instant absoluteExpiresAt;

    protected SignInSession() {
    }

    public SignInSession(String id, String tenantId, String accountId, String tokenHash, String csrfToken,
                         String remoteAddress, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.csrfToken = csrfToken;
        this.remoteAddress = remoteAddress;
        this.createdAt = now;
        this.absoluteExpiresAt = now.plus(ABSOLUTE);
        this.idleExpiresAt = now.plus(IDLE);
    }

    /** Whether it still works at {@code now}: neither idle nor past its absolute end. */
    /** How far the idle end must move before a use of the session is written. */
    public static final Duration TOUCH_STEP = Duration.ofMinutes(1);

    public boolean liveAt(Instant now) {
        return now.isBefore(idleExpiresAt) && now.isBefore(absoluteExpiresAt);
    }

    /**
     * Used at {@code now}: the idle timeout starts again, never past the absolute end. It moves only
     * when it would move by more than {@link #TOUCH_STEP}, so that a customer clicking through pages
     * costs a write a minute, not one a page.
     */
    public void touch(Instant now) {
        if (touchDue(now)) {
            this.idleExpiresAt = idleExpiryTouchedAt(now);
        }
    }

    /** Whether {@link #touch} at {@code now} would change anything (a write is due). */
    public boolean touchDue(Instant now) {
        return idleExpiryTouchedAt(now).isAfter(idleExpiresAt.plus(TOUCH_STEP));
    }

    private Instant idleExpiryTouchedAt(Instant now) {
        Instant idle = now.plus(IDLE);
        return idle.isAfter(absoluteExpiresAt) ? absoluteExpiresAt : idle;
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

    public String tokenHash() {
        return tokenHash;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public Instant absoluteExpiresAt() {
        return absoluteExpiresAt;
    }
}
