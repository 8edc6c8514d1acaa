package dev.kassa.server.web;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.config.Secrets;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Resolves the caller from {@code Authorization: Bearer ...}. Operator endpoints ({@code /v1/tenants},
 * {@code /v1/operator/...}) take the operator token; every other endpoint a tenant API key.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthFilter implements ContainerRequestFilter {
    private Caller caller;
    private CredentialsFile credentials;
    private TenantService tenants;

    protected AuthFilter() {
    }

    @Inject
    public AuthFilter(Caller caller, CredentialsFile credentials, TenantService tenants) {
        this.caller = caller;
        this.credentials = credentials;
        this.tenants = tenants;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        Optional<String> token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean operatorPath = path.startsWith("v1/operator") || path.equals("v1/tenants") || path.startsWith("v1/tenants/");
        if (operatorPath) {
            if (token.isPresent() && credentials.isOperatorToken(token.get())) {
                caller.authenticateOperator();
                return;
            }
        } else if (token.isPresent()) {
            Optional<String> tenantId = tenants.findIdByApiKeyHash(Secrets.sha256(token.get()));
            if (tenantId.isPresent()) {
                caller.authenticateTenant(tenantId.get());
                return;
            }
        }
        request.abortWith(Problems.response(401, "auth.unauthorized", "Unauthorized",
                operatorPath ? "This endpoint needs the operator token as a Bearer token."
                        : "This endpoint needs a tenant API key as a Bearer token."));
    }

    private static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() || token.length() > 512 ? Optional.empty() : Optional.of(token);
    }
}
