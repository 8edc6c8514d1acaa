package dev.kassa.server.web;

import dev.kassa.server.config.CredentialsFile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Lets a request reach the resource that matched it only when its Bearer token belongs to the
 * resource's {@link Audience}. Runs after matching, so the path's spelling ({@code ;params},
 * escapes, dot segments) plays no part: whatever the container routed the request to decides.
 * A resource that declares no audience is refused to everyone.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthFilter implements ContainerRequestFilter {
    @Context
    private ResourceInfo resource;
    private Caller caller;
    private CredentialsFile credentials;
    private TenantKeys apiKeys;

    protected AuthFilter() {
    }

    @Inject
    public AuthFilter(Caller caller, CredentialsFile credentials, TenantKeys apiKeys) {
        this.caller = caller;
        this.credentials = credentials;
        this.apiKeys = apiKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Audience.Party> audience = audience(resource.getResourceMethod(), resource.getResourceClass());
        if (audience.isEmpty()) {
            request.abortWith(Problems.response(403, "auth.forbidden", "Forbidden",
                    "This endpoint is not open to any caller."));
            return;
        }
        Optional<String> token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (audience.get()) {
            case OPERATOR -> {
                if (token.isPresent() && credentials.isOperatorToken(token.get())) {
                    caller.authenticateOperator();
                    return;
                }
            }
            case TENANT -> {
                Optional<String> tenantId = token.flatMap(apiKeys::authenticate);
                if (tenantId.isPresent()) {
                    caller.authenticateTenant(tenantId.get());
                    return;
                }
            }
        }
        request.abortWith(Problems.response(401, "auth.unauthorized", "Unauthorized",
                audience.get() == Audience.Party.OPERATOR ? "This endpoint needs the operator token as a Bearer token."
                        : "This endpoint needs a tenant API key as a Bearer token."));
    }

    /** The method's own audience, else its class's; empty when neither declares one. */
    static Optional<Audience.Party> audience(Method method, Class<?> type) {
        Audience declared = method == null ? null : method.getAnnotation(Audience.class);
        if (declared == null && type != null) {
            declared = type.getAnnotation(Audience.class);
        }
        return Optional.ofNullable(declared).map(Audience::value);
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
