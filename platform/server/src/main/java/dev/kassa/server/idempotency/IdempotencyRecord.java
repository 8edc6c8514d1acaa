package dev.kassa.server.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One {@code Idempotency-Key} of one caller, and the response first given for it. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {
    public enum State { IN_PROGRESS, DONE }

    @Id
    private String scope;
    @Id
    @Column(name = "idem_key")
    private String idemKey;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "state")
    private String state;
    @Column(name = "response_status")
    private Integer responseStatus;
    @Column(name = "response_type")
    private String responseType;
    @Column(name = "response_body")
    private String responseBody;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "locked_at")
    private Instant lockedAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String scope, String idemKey, String requestHash, Instant now) {
        this.scope = scope;
        this.idemKey = idemKey;
        this.requestHash = requestHash;
        this.state = State.IN_PROGRESS.name();
        this.createdAt = now;
        this.lockedAt = now;
    }

    String requestHash() {
        return requestHash;
    }

    State state() {
        return State.valueOf(state);
    }

    Instant lockedAt() {
        return lockedAt;
    }

    Integer responseStatus() {
        return responseStatus;
    }

    String responseType() {
        return responseType;
    }

    String responseBody() {
        return responseBody;
    }

    void relock(Instant now) {
        this.lockedAt = now;
    }

    void complete(int status, String type, String body) {
        this.state = State.DONE.name();
        this.responseStatus = status;
        this.responseType = type;
        this.responseBody = body;
    }

    public static class Key implements Serializable {
        private String scope;
        private String idemKey;

        public Key() {
        }

        public Key(String scope, String idemKey) {
            this.scope = scope;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(idemKey, k.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, idemKey);
        }
    }
}
