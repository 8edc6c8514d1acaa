package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingViews.ReceiptView;
import dev.kassa.server.billing.application.Receipts;
import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An account's receipts, one per paid top-up. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/receipts")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountReceiptResource {
    private Caller caller;
    private Receipts receipts;

    protected AccountReceiptResource() {
    }

    @Inject
    public AccountReceiptResource(Caller caller, Receipts receipts) {
        this.caller = caller;
        this.receipts = receipts;
    }

    @GET
    public Page<ReceiptView> receipts(@PathParam("id") String accountId, @QueryParam("limit") String limit,
                                      @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "rct");
        return Page.of(receipts.ofAccount(caller.tenantId(), accountId, page), page.limit(), Receipt::id)
                .map(ReceiptView::of);
    }
}
