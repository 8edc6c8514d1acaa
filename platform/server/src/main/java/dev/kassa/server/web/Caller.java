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

    /** The idempotency scope: keys of one caller never collide with another's. */
    String scope() {
        return operator ? "operator" : tenantId;
    }
}
