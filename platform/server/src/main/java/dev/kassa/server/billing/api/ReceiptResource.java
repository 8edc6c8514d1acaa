package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingViews.ReceiptView;
import dev.kassa.server.billing.application.Receipts;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One receipt. */
@Audience(Audience.Party.TENANT)
@Path("v1/receipts/{id}")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {
    private Caller caller;
    private Receipts receipts;

    protected ReceiptResource() {
    }

    @Inject
    public ReceiptResource(Caller caller, Receipts receipts) {
        this.caller = caller;
        this.receipts = receipts;
    }

    @GET
    public ReceiptView get(@PathParam("id") String id) {
        return ReceiptView.of(receipts.get(caller.tenantId(), id));
    }
}
