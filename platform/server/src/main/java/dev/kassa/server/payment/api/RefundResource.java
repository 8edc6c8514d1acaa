package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.RefundFailedRequest;
import dev.kassa.server.payment.api.PaymentViews.RefundView;
import dev.kassa.server.payment.application.CreditTransfers;
import dev.kassa.server.payment.application.Pain001;
import dev.kassa.server.payment.application.RefundService;
import dev.kassa.server.shared.KassaException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Refunds; those a tenant sends by hand (bank transfer) are reported sent or failed here, and can
 * be had as a pain.001 credit-transfer file.
 */
@Audience(Audience.Party.TENANT)
@Path("v1/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RefundResource {
    static final String XML = "application/xml";

    private Caller caller;
    private RefundService refunds;
    private CreditTransfers transfers;

    protected RefundResource() {
    }

    @Inject
    public RefundResource(Caller caller, RefundService refunds, CreditTransfers transfers) {
        this.caller = caller;
        this.refunds = refunds;
        this.transfers = transfers;
    }

    @GET
    @Path("{id}")
    public RefundView get(@PathParam("id") String id) {
        return RefundView.of(refunds.get(caller.tenantId(), id));
    }

    /**
     * The refund as a SEPA credit transfer (pain.001) for the tenant to upload to its bank:
     * {@code ?version=09} (the default) or {@code 03}. The refund stays PENDING until reported sent.
     */
    @GET
    @Path("{id}/pain.001")
    @Produces({XML, MediaType.APPLICATION_JSON})
    public Response pain001(@PathParam("id") String id, @QueryParam("version") String version) {
        return xml(transfers.refundFile(caller.tenantId(), id, version(version)));
    }

    /** {@code 09} (or nothing) and {@code 03}; 422 {@code request.invalid} for anything else. */
    static Pain001.Version version(String version) {
        return Pain001.Version.of(version).orElseThrow(() -> KassaException.invalid("version", "invalid",
                "is 09 (pain.001.001.09, the default) or 03 (pain.001.001.03)"));
    }

    /** 200 with the file, to be saved rather than shown. */
    static Response xml(CreditTransfers.File file) {
        return Response.ok(file.bytes(), XML)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
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
