package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.api.LedgerRequests.ChargeRequest;
import dev.kassa.server.ledger.api.LedgerViews.MovementView;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
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

/** Charges: money taken from an account's balance for what the reseller sold. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/charges")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChargeResource {
    private Caller caller;
    private BalanceService balances;

    protected ChargeResource() {
    }

    @Inject
    public ChargeResource(Caller caller, BalanceService balances) {
        this.caller = caller;
        this.balances = balances;
    }

    @POST
    public Response charge(@PathParam("id") String accountId, ChargeRequest body) {
        var movement = balances.charge(caller.tenantId(), accountId, body.amount().toMoney(), body.description());
        return Response.status(Statuses.of(201)).entity(MovementView.of(movement)).build();
    }
}
