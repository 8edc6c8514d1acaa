package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.BillingSettingsRequest;
import dev.kassa.server.billing.api.BillingRequests.NumberingRequest;
import dev.kassa.server.billing.api.BillingViews.BillingSettingsView;
import dev.kassa.server.billing.application.BillingSettingsService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's billing settings: VAT establishment, prices, dunning days, top-up invoicing, numbering. */
@Audience(Audience.Party.TENANT)
@Path("v1/settings/billing")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingSettingsResource {
    private Caller caller;
    private BillingSettingsService settings;

    protected BillingSettingsResource() {
    }

    @Inject
    public BillingSettingsResource(Caller caller, BillingSettingsService settings) {
        this.caller = caller;
        this.settings = settings;
    }

    @GET
    public BillingSettingsView get() {
        return BillingSettingsView.of(settings.get(caller.tenantId()));
    }

    @PUT
    public BillingSettingsView update(BillingSettingsRequest body) {
        NumberingRequest numbering = body.numbering() == null ? new NumberingRequest(null, null, null)
                : body.numbering();
        return BillingSettingsView.of(settings.update(caller.tenantId(), new BillingSettingsService.Change(
                body.establishmentCountry(), body.vatId(), body.pricesIncludeVat(), body.grace(), body.termination(),
                body.invoiceTopUps(), numbering.invoice(), numbering.creditNote(), numbering.receipt())));
    }
}
