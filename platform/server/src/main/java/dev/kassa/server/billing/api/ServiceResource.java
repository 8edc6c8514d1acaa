package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.CancelServiceRequest;
import dev.kassa.server.billing.api.BillingRequests.ServiceChangeRequest;
import dev.kassa.server.billing.api.BillingViews.ServiceView;
import dev.kassa.server.billing.application.BilledServices;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One service: reading it, changing it, cancelling it. */
@Audience(Audience.Party.TENANT)
@Path("v1/services/{id}")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceResource {
    private Caller caller;
    private BilledServices services;

    protected ServiceResource() {
    }

    @Inject
    public ServiceResource(Caller caller, BilledServices services) {
        this.caller = caller;
        this.services = services;
    }

    @GET
    public ServiceView get(@PathParam("id") String id) {
        return ServiceView.of(services.get(caller.tenantId(), id));
    }

    @PATCH
    public ServiceView change(@PathParam("id") String id, ServiceChangeRequest body) {
        return ServiceView.of(services.change(caller.tenantId(), id, new BilledServices.Change(body.autoRenew(),
                body.price() == null ? null : body.price().toMoney(), body.payerId())));
    }

    @POST
    @Path("cancel")
    public ServiceView cancel(@PathParam("id") String id, CancelServiceRequest body) {
        return ServiceView.of(services.cancel(caller.tenantId(), id, body.now()));
    }
}
