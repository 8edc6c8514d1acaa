package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.api.ClientAreaRequests.BrandingRequest;
import dev.kassa.server.clientarea.api.ClientAreaViews.BrandingView;
import dev.kassa.server.clientarea.application.BrandingService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's brand on its client area's pages and e-mails. */
@Audience(Audience.Party.TENANT)
@Path("v1/settings/branding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrandingResource {
    private Caller caller;
    private BrandingService branding;

    protected BrandingResource() {
    }

    @Inject
    public BrandingResource(Caller caller, BrandingService branding) {
        this.caller = caller;
        this.branding = branding;
    }

    @GET
    public BrandingView get() {
        return BrandingView.of(branding.get(caller.tenantId()));
    }

    /** The brand as a whole; see {@link BrandingRequest}. */
    @PUT
    public BrandingView update(BrandingRequest body) {
        return BrandingView.of(branding.update(caller.tenantId(), new BrandingService.Change(body.displayName(),
                body.logo(), body.colours() == null ? null : body.colours().toColours(), body.supportEmail(),
                body.legalFooter())));
    }
}
