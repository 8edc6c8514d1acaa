package dev.kassa.server.tenant.api;

import dev.kassa.server.tenant.api.TenantViews.TenantView;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The calling tenant itself. */
@Audience(Audience.Party.TENANT)
@Path("v1/tenant")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
    private Caller caller;
    private TenantService tenants;

    protected TenantResource() {
    }

    @Inject
    public TenantResource(Caller caller, TenantService tenants) {
        this.caller = caller;
        this.tenants = tenants;
    }

    @GET
    public TenantView tenant() {
        return TenantView.of(tenants.get(caller.tenantId()));
    }
}
