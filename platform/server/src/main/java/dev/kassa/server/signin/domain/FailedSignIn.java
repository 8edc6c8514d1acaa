package dev.kassa.server.signin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in that failed, for the throttle: kept for known and unknown e-mails alike, so that being
 * throttled tells nothing about whether an e-mail is a customer's.
 */
@Entity
@Table(name = "signin_failures")
public class FailedSignIn {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "email_key")
    private String emailKey;
    @Column(name = "remote_address")
    private String remoteAddress;
    @Column(name = "failed_at")
    private Instant failedAt;

    protected FailedSignIn() {
    }

    public FailedSignIn(String id, String tenantId, String emailKey, String remoteAddress, Instant failedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.emailKey = emailKey;
        this.remoteAddress = remoteAddress;
        this.failedAt = failedAt;
    }

    public String tenantId() {
        return tenantId;
    }

    public String emailKey() {
        return emailKey;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
