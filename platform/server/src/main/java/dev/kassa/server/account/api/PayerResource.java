package dev.kassa.server.account.api;

import dev.kassa.server.account.api.AccountRequests.NewPayerRequest;
import dev.kassa.server.account.api.AccountRequests.PayerChangeRequest;
import dev.kassa.server.account.api.AccountViews.PayerView;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.application.VatIdChecks;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import dev.kassa.server.web.RequestBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
    private VatIdChecks vatChecks;

    protected PayerResource() {
    }

    @Inject
    public PayerResource(Caller caller, AccountService accounts, VatIdChecks vatChecks) {
        this.caller = caller;
        this.accounts = accounts;
        this.vatChecks = vatChecks;
    }

    /**
     * A VAT ID just added or changed is checked with VIES before the answer, once the payer is
     * saved (no transaction is open meanwhile); an outage leaves it {@code PENDING} for the worker.
     */
    private Payer checked(String tenantId, String accountId, Payer payer) {
        return vatChecks.checkIfNew(tenantId, payer.id(), payer.vatIdCheck())
                ? accounts.payer(tenantId, accountId, payer.id()) : payer;
    }

    @POST
    public Response addPayer(@PathParam("id") String accountId, NewPayerRequest body) {
        Payer payer = checked(caller.tenantId(), accountId,
                accounts.addPayer(caller.tenantId(), accountId, body.toNewPayer()));
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

    /**
     * A partial change: members left out stay as they are; {@code "vatId": null} and
     * {@code "address": null} remove those. The same checks as when adding.
     */
    @PATCH
    @Path("{payerId}")
    public PayerView change(@PathParam("id") String accountId, @PathParam("payerId") String payerId, JsonObject body) {
        PayerChangeRequest change = RequestBinder.bind(body, PayerChangeRequest.class);
        return PayerView.of(checked(caller.tenantId(), accountId,
                accounts.changePayer(caller.tenantId(), accountId, payerId, change.toChange(body))));
    }

}
