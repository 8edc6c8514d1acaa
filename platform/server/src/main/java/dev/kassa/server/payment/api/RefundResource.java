package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.RefundFailedRequest;
import dev.kassa.server.payment.api.PaymentViews.RefundView;
import dev.kassa.server.payment.application.RefundService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Refunds; those a tenant sends by hand (bank transfer) are reported sent or failed here. */
@Audience(Audience.Party.TENANT)
@Path("v1/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RefundResource {
    private Caller caller;
    private RefundService refunds;

    protected RefundResource() {
    }

    @Inject
    public RefundResource(Caller caller, RefundService refunds) {
        this.caller = caller;
        this.refunds = refunds;
    }

    @GET
    @Path("{id}")
    public RefundView get(@PathParam("id") String id) {
        return RefundView.of(refunds.get(caller.tenantId(), id));
    }

    /** The tenant sent the money back by hand: the refund SUCCEEDED. */
    @POST
    @Path("{id}/sent")
    public RefundView sent(@PathParam("id") String id) {
        return RefundView.of(refunds.report(caller.tenantId(), id, true, null));
    }

    /** {@code {reason?}}: the tenant could not send it; the money goes back on the balance. */
    @POST
    @Path("{id}/failed")
    public RefundView failed(@PathParam("id") String id, RefundFailedRequest body) {
        return RefundView.of(refunds.report(caller.tenantId(), id, false, body.shortReason()));
    }
}
