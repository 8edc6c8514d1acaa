package dev.kassa.server.tenant.api;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.tenant.api.TenantRequests.NewTenantRequest;
import dev.kassa.server.tenant.api.TenantViews.CreatedTenantView;
import dev.kassa.server.tenant.api.TenantViews.TenantView;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Operator: tenants. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorTenantsResource {
    private TenantService tenants;

    protected OperatorTenantsResource() {
    }

    @Inject
    public OperatorTenantsResource(TenantService tenants) {
        this.tenants = tenants;
    }

    @POST
    public Response create(NewTenantRequest body) {
        String locale = body.defaultLocale();
        String slug = body.slug();
        String name = body.name();
        CurrencyUnit base = CurrencyRegistry.iso4217().require(body.baseCurrency());
        List<String> locales = locale.equals("en") ? List.of("en") : List.of(locale, "en");
        var created = tenants.create(slug, name, base, locale, locales);
        return Response.created(URI.create("/api/v1/tenants/" + created.tenant().id()))
                .entity(CreatedTenantView.of(created.tenant(), created.apiKey())).build();
    }

    @GET
    @Path("{id}")
    public TenantView get(@PathParam("id") String id) {
        return TenantView.of(tenants.get(id));
    }

    @GET
    public Page<TenantView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "ten");
        return Page.of(tenants.list(page), page.limit(), t -> t.id()).map(TenantView::of);
    }
}
