package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.api.LedgerViews.TransactionView;
import dev.kassa.server.ledger.application.BalanceService;
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

/** An account's statement: every movement of its balance, newest first. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/transactions")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementResource {
    private Caller caller;
    private BalanceService balances;

    protected StatementResource() {
    }

    @Inject
    public StatementResource(Caller caller, BalanceService balances) {
        this.caller = caller;
        this.balances = balances;
    }

    @GET
    public Page<TransactionView> transactions(@PathParam("id") String accountId, @QueryParam("limit") String limit,
                                              @QueryParam("after") String after) {
        // The statement checks its cursor itself: it must be an entry of this very account.
        PageRequest page = new PageRequest(PageRequest.of(limit, null, "jen").limit(), after);
        return Page.of(balances.statement(caller.tenantId(), accountId, page), page.limit(), l -> l.cursor())
                .map(TransactionView::of);
    }
}
