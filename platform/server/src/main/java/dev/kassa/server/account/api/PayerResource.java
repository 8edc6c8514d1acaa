package dev.kassa.server.account.api;

import dev.kassa.server.account.api.AccountRequests.NewPayerRequest;
import dev.kassa.server.account.api.AccountViews.PayerView;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Who pays for an account: persons and companies, with their VAT IDs. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/payers")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PayerResource {
    private Caller caller;
    private AccountService accounts;

    protected PayerResource() {
    }

    @Inject
    public PayerResource(Caller caller, AccountService accounts) {
        this.caller = caller;
        this.accounts = accounts;
    }

    @POST
    public Response addPayer(@PathParam("id") String accountId, NewPayerRequest body) {
        Payer payer = accounts.addPayer(caller.tenantId(), accountId, new AccountService.NewPayer(
                Payer.Type.valueOf(body.type()), body.name(), body.country(), body.vatId(), body.addressJson()));
        return Response.created(URI.create("/api/v1/accounts/" + accountId + "/payers/" + payer.id()))
                .entity(PayerView.of(payer)).build();
    }

    @GET
    public Page<PayerView> payers(@PathParam("id") String accountId) {
        var items = accounts.payers(caller.tenantId(), accountId).stream().map(PayerView::of).toList();
        return new Page<>(items, null);
    }

    @GET
    @Path("{payerId}")
    public PayerView payer(@PathParam("id") String accountId, @PathParam("payerId") String payerId) {
        return PayerView.of(accounts.payer(caller.tenantId(), accountId, payerId));
    }

}
