package dev.kassa.server.account.api;

import dev.kassa.server.account.api.AccountRequests.AccountChangeRequest;
import dev.kassa.server.account.api.AccountRequests.NewAccountRequest;
import dev.kassa.server.account.api.AccountViews.AccountView;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Customer accounts: create, list, read, change the currency. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {
    private Caller caller;
    private AccountService accounts;
    private Conversions conversions;

    protected AccountResource() {
    }

    @Inject
    public AccountResource(Caller caller, AccountService accounts, Conversions conversions) {
        this.caller = caller;
        this.accounts = accounts;
        this.conversions = conversions;
    }

    @POST
    public Response create(NewAccountRequest body) {
        CurrencyUnit currency = body.currency() == null ? null : CurrencyRegistry.iso4217().require(body.currency());
        var account = accounts.create(caller.tenantId(), new AccountService.NewAccount(body.email(), body.name(),
                body.country(), body.locale(), currency));
        return Response.created(URI.create("/api/v1/accounts/" + account.id())).entity(AccountView.of(account)).build();
    }

    @GET
    public Page<AccountView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "acc");
        return Page.of(accounts.list(caller.tenantId(), page), page.limit(), a -> a.id()).map(AccountView::of);
    }

    /** With {@code displayCurrency}, adds an indicative {@code displayBalance} at the day's rate. */
    @GET
    @Path("{id}")
    public AccountView get(@PathParam("id") String id, @QueryParam("displayCurrency") String displayCurrency) {
        var account = accounts.get(caller.tenantId(), id);
        if (displayCurrency == null || displayCurrency.isBlank()) {
            return AccountView.of(account);
        }
        CurrencyUnit display = CurrencyRegistry.iso4217().require(displayCurrency.strip());
        return AccountView.of(account, conversions.indicative(account.balance(), display));
    }

    /** {@code {currency}}: only while the balance is zero and no top-up is NEW. */
    @PATCH
    @Path("{id}")
    public AccountView update(@PathParam("id") String id, AccountChangeRequest body) {
        if (body.currency() == null) {
            return AccountView.of(accounts.get(caller.tenantId(), id));
        }
        return AccountView.of(accounts.changeCurrency(caller.tenantId(), id,
                CurrencyRegistry.iso4217().require(body.currency())));
    }

}
