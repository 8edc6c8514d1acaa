package dev.kassa.server.web;

import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, as the authentication filter resolved it: the operator, or one tenant. The
 * tenant always comes from the credentials, never from a request body.
 */
@RequestScoped
public class Caller {
    private String tenantId;
    private boolean operator;
    private String idempotencyKey;

    void authenticateTenant(String tenantId) {
        this.tenantId = tenantId;
        this.operator = false;
    }

    void authenticateOperator() {
        this.tenantId = null;
        this.operator = true;
    }

    /** The calling tenant's id; only tenant endpoints call this. */
    public String tenantId() {
        if (tenantId == null) {
            throw new KassaException(401, "auth.unauthorized", "Unauthorized", "A tenant API key is required.", null);
        }
        return tenantId;
    }

    public boolean isOperator() {
        return operator;
    }

    /** Set by the idempotency filter once it claimed the request's key. */
    public void claimedIdempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    /**
     * The Idempotency-Key this request claimed, or null. Work committed on its own before the
     * request ends (a payment attempt) is named after it, so that a retry finds it instead of
     * paying twice.
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The idempotency scope: keys of one caller never collide with another's. */
    String scope() {
        return operator ? "operator" : tenantId;
    }
}
