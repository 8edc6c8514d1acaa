package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.NewRefundBatchRequest;
import dev.kassa.server.payment.api.PaymentViews.RefundBatchView;
import dev.kassa.server.payment.application.CreditTransfers;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.JsonBodyReader;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Batches of refunds by bank transfer: one pain.001 file for several refunds, uploaded by the
 * tenant to its bank. The refunds stay PENDING until reported sent, one by one or all at once.
 */
@Audience(Audience.Party.TENANT)
@Path("v1/refund-batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RefundBatchResource {
    private Caller caller;
    private CreditTransfers transfers;

    protected RefundBatchResource() {
    }

    @Inject
    public RefundBatchResource(Caller caller, CreditTransfers transfers) {
        this.caller = caller;
        this.transfers = transfers;
    }

    /** {@code {refundIds?}} or no body: every PENDING refund with a known account not yet in a batch. */
    @POST
    public Response create(InputStream body) throws IOException {
        NewRefundBatchRequest request = JsonBodyReader.optional(body, NewRefundBatchRequest.class);
        CreditTransfers.Batch batch = transfers.createBatch(caller.tenantId(), request == null ? null : request.refundIds());
        return Response.created(URI.create("/api/v1/refund-batches/" + batch.batch().id()))
                .entity(RefundBatchView.of(batch)).build();
    }

    @GET
    @Path("{id}")
    public RefundBatchView get(@PathParam("id") String id) {
        return RefundBatchView.of(transfers.batch(caller.tenantId(), id));
    }

    /** The batch's pain.001: its refunds still PENDING; {@code ?version=09} (the default) or {@code 03}. */
    @GET
    @Path("{id}/pain.001")
    @Produces({RefundResource.XML, MediaType.APPLICATION_JSON})
    public Response pain001(@PathParam("id") String id, @QueryParam("version") String version) {
        return RefundResource.xml(transfers.batchFile(caller.tenantId(), id, RefundResource.version(version)));
    }

    /** The bank took the file: every refund of the batch still PENDING SUCCEEDED. Takes no body. */
    @POST
    @Path("{id}/sent")
    public RefundBatchView sent(@PathParam("id") String id) {
        return RefundBatchView.of(transfers.markSent(caller.tenantId(), id));
    }
}
