package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.api.LedgerRequests.AdjustmentRequest;
import dev.kassa.server.ledger.api.LedgerRequests.ChargeRequest;
import dev.kassa.server.ledger.api.LedgerViews.AdjustmentView;
import dev.kassa.server.ledger.api.LedgerViews.MovementView;
import dev.kassa.server.ledger.api.LedgerViews.TransactionView;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.MoneyView;
import dev.kassa.server.web.Page;
import dev.kassa.server.web.Statuses;
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

/** An account's money: charges, adjustments and the statement. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountLedgerResource {
    private Caller caller;
    private BalanceService balances;

    protected AccountLedgerResource() {
    }

    @Inject
    public AccountLedgerResource(Caller caller, BalanceService balances) {
        this.caller = caller;
        this.balances = balances;
    }

    @POST
    @Path("charges")
    public Response charge(@PathParam("id") String accountId, ChargeRequest body) {
        var movement = balances.charge(caller.tenantId(), accountId, body.amount().toMoney(), body.description());
        return Response.status(Statuses.of(201)).entity(MovementView.of(movement)).build();
    }

    @POST
    @Path("adjustments")
    public Response adjust(@PathParam("id") String accountId, AdjustmentRequest body) {
        Money amount = body.amount().toMoney();
        String direction = body.direction();
        String reason = body.reason();
        var movement = balances.adjust(caller.tenantId(), accountId, amount,
                BalanceService.Direction.valueOf(direction), reason);
        return Response.status(Statuses.of(201)).entity(new AdjustmentView(movement.id(), direction,
                MoneyView.of(amount), reason, MoneyView.of(movement.balanceAfter()), movement.createdAt())).build();
    }

    @GET
    @Path("transactions")
    public Page<TransactionView> transactions(@PathParam("id") String accountId, @QueryParam("limit") String limit,
                                              @QueryParam("after") String after) {
        // The statement checks its cursor itself: it must be an entry of this very account.
        PageRequest page = new PageRequest(PageRequest.of(limit, null, "jen").limit(), after);
        return Page.of(balances.statement(caller.tenantId(), accountId, page), page.limit(), l -> l.cursor())
                .map(TransactionView::of);
    }

}
