package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.ServiceRequest;
import dev.kassa.server.billing.api.BillingViews.ServiceView;
import dev.kassa.server.billing.application.BilledServices;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServicePeriod;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.billing.domain.TaxCategory;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.OffsetDateTime;

/** An account's services: adding one, and the list. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/services")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountServiceResource {
    private Caller caller;
    private BilledServices services;

    protected AccountServiceResource() {
    }

    @Inject
    public AccountServiceResource(Caller caller, BilledServices services) {
        this.caller = caller;
        this.services = services;
    }

    @POST
    public Response createService(@PathParam("id") String accountId, ServiceRequest body) {
        Service.Terms terms = new Service.Terms(body.payerId(), body.name(), body.externalId(), body.price().toMoney(),
                ServicePeriod.valueOf(body.period()), OffsetDateTime.parse(body.nextRenewalAt()).toInstant(),
                body.autoRenew(), body.taxCategory() == null ? TaxCategory.STANDARD
                : TaxCategory.valueOf(body.taxCategory()));
        Service created = services.create(caller.tenantId(), accountId, terms);
        return Response.created(URI.create("/api/v1/services/" + created.id())).entity(ServiceView.of(created)).build();
    }

    @GET
    public Page<ServiceView> listServices(@PathParam("id") String accountId, @QueryParam("status") String status,
                                          @QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "svc");
        ServiceStatus filter = null;
        if (status != null) {
            try {
                filter = ServiceStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw KassaException.invalid("status", "invalid", "must be ACTIVE, SUSPENDED or TERMINATED");
            }
        }
        return Page.of(services.list(caller.tenantId(), accountId, filter, page), page.limit(), Service::id)
                .map(ServiceView::of);
    }
}
