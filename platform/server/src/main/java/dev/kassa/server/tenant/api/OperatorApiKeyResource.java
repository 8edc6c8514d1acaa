package dev.kassa.server.tenant.api;

import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.tenant.api.TenantViews.ApiKeyView;
import dev.kassa.server.tenant.api.TenantViews.CreatedApiKeyView;
import dev.kassa.server.tenant.application.ApiKeyService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Operator: a tenant's API keys, so that a key can be rolled without downtime and revoked at once. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/tenants/{tenantId}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorApiKeyResource {
    private ApiKeyService keys;

    protected OperatorApiKeyResource() {
    }

    @Inject
    public OperatorApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    /** A new key; its secret is in this answer only. */
    @POST
    public Response create(@PathParam("tenantId") String tenantId) {
        ApiKeyService.Issued issued = keys.issue(tenantId);
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/api-keys/" + issued.key().id()))
                .entity(CreatedApiKeyView.of(issued.key(), issued.secret())).build();
    }

    /** The tenant's live keys, newest first, never a secret. */
    @GET
    public Page<ApiKeyView> list(@PathParam("tenantId") String tenantId, @QueryParam("limit") String limit,
                                 @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "key");
        return Page.of(keys.list(tenantId, page), page.limit(), k -> k.id()).map(ApiKeyView::of);
    }

    /** Revokes the key at once; the tenant's other keys keep working. */
    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId) {
        keys.revoke(tenantId, keyId);
        return Response.noContent().build();
    }
}
