package dev.kassa.server.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The PDF of one document of a tenant: queued in the transaction that issues the document,
 * rendered by the document worker outside it, then stored with its SHA-256 and never changed
 * again. One row per tenant, kind and source (the invoice, credit note, … it prints).
 */
@Entity
@Table(name = "documents")
public class StoredDocument {
    /** Tries before a document is given up (FAILED); a few, since a rendering that failed twice rarely works. */
    public static final int MAX_ATTEMPTS = 5;

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    @Column(name = "source_id")
    private String sourceId;
    private String locale;
    @Enumerated(EnumType.STRING)
    private DocumentStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    private byte[] pdf;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "xml_bytes")
    private Long xmlBytes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "stored_at")
    private Instant storedAt;

    protected StoredDocument() {
    }

    public StoredDocument(String id, String tenantId, DocumentKind kind, String sourceId, String locale, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.kind = kind;
        this.sourceId = sourceId;
        this.locale = locale;
        this.status = DocumentStatus.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Taken by a worker: not due again before {@code lease} has passed, in case the worker dies. */
    public void claim(Instant now, Duration lease) {
        attempts++;
        nextAttemptAt = now.plus(lease);
    }

    /** The rendered PDF, for good. */
    public void store(byte[] rendered, String digest, long xmlSize, Instant now) {
        if (status == DocumentStatus.STORED) {
            throw new IllegalStateException("document " + id + " is stored already and never changes");
        }
        this.pdf = rendered.clone();
        this.sha256 = digest;
        this.sizeBytes = (long) rendered.length;
        this.xmlBytes = xmlSize;
        this.status = DocumentStatus.STORED;
        this.nextAttemptAt = null;
        this.lastError = null;
        this.storedAt = now;
    }

    /** A rendering that failed: tried again after {@code retryIn}, or given up after {@link #MAX_ATTEMPTS}. */
    public void fail(String error, Instant now, Duration retryIn) {
        if (status == DocumentStatus.STORED) {
            return;
        }
        this.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= MAX_ATTEMPTS) {
            status = DocumentStatus.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(retryIn);
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public DocumentKind kind() {
        return kind;
    }

    public String sourceId() {
        return sourceId;
    }

    public String locale() {
        return locale;
    }

    public DocumentStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** The PDF; null until stored. */
    public byte[] pdf() {
        return pdf == null ? null : pdf.clone();
    }

    /** Hex SHA-256 of {@link #pdf()}; null until stored. */
    public String sha256() {
        return sha256;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant storedAt() {
        return storedAt;
    }

    public String lastError() {
        return lastError;
    }
}
