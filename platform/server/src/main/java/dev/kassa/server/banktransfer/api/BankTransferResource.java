package dev.kassa.server.banktransfer.api;

import dev.kassa.server.banktransfer.api.BankTransferRequests.AssignRequest;
import dev.kassa.server.banktransfer.api.BankTransferRequests.BankTransferReport;
import dev.kassa.server.banktransfer.api.BankTransferViews.BankTransferView;
import dev.kassa.server.banktransfer.application.BankTransferService;
import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
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

/** Money the tenant reports as arrived at its bank. */
@Audience(Audience.Party.TENANT)
@Path("v1/bank-transfers")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BankTransferResource {
    private Caller caller;
    private BankTransferService transfers;

    protected BankTransferResource() {
    }

    @Inject
    public BankTransferResource(Caller caller, BankTransferService transfers) {
        this.caller = caller;
        this.transfers = transfers;
    }

    /** Recorded once per {@code bankTransactionId}: a repeat answers 200 with the first result. */
    @POST
    public Response report(BankTransferReport body) {
        var outcome = transfers.report(caller.tenantId(), new BankTransferService.Report(body.bankTransactionId(),
                body.reference(), body.amount().toMoney(), body.payerName(), body.receivedInstant()));
        BankTransferView view = BankTransferView.of(outcome.transfer());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/v1/bank-transfers/" + view.id())).entity(view).build();
    }

    @GET
    public Page<BankTransferView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                       @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "btr");
        BankTransfer.Status filter = null;
        if (status != null) {
            try {
                filter = BankTransfer.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw KassaException.invalid("status", "invalid", "must be MATCHED, UNMATCHED or REVERSED");
            }
        }
        return Page.of(transfers.list(caller.tenantId(), filter, page), page.limit(), b -> b.id())
                .map(BankTransferView::of);
    }

    @GET
    @Path("{id}")
    public BankTransferView get(@PathParam("id") String id) {
        return BankTransferView.of(transfers.get(caller.tenantId(), id));
    }

    @POST
    @Path("{id}/assign")
    public BankTransferView assign(@PathParam("id") String id, AssignRequest body) {
        String accountId = body.accountId();
        return BankTransferView.of(transfers.assign(caller.tenantId(), id, accountId));
    }
}
