package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.api.LedgerRequests.AdjustmentRequest;
import dev.kassa.server.ledger.api.LedgerViews.AdjustmentView;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.shared.Money;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.MoneyView;
import dev.kassa.server.web.Statuses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Adjustments: corrections of an account's balance by hand, always with a reason. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/adjustments")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdjustmentResource {
    private Caller caller;
    private BalanceService balances;

    protected AdjustmentResource() {
    }

    @Inject
    public AdjustmentResource(Caller caller, BalanceService balances) {
        this.caller = caller;
        this.balances = balances;
    }

    @POST
    public Response adjust(@PathParam("id") String accountId, AdjustmentRequest body) {
        Money amount = body.amount().toMoney();
        String direction = body.direction();
        String reason = body.reason();
        var movement = balances.adjust(caller.tenantId(), accountId, amount,
                BalanceService.Direction.valueOf(direction), reason);
        return Response.status(Statuses.of(201)).entity(new AdjustmentView(movement.id(), direction,
                MoneyView.of(amount), reason, MoneyView.of(movement.balanceAfter()), movement.createdAt())).build();
    }
}
