package dev.kassa.server.account.api;

import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.web.Page;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.account.api.AccountViews.AccountView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
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
import java.util.regex.Pattern;

/** Customer accounts: create, list, read, change the currency. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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
    public Response create(JsonValue body) {
        JsonInput in = JsonInput.of(body);
        String email = in.requiredString("email", 254);
        String name = in.requiredString("name", 200);
        String country = in.requiredString("country", 2);
        String locale = in.optionalString("locale", 16);
        CurrencyUnit currency = in.optionalCurrency("currency", CurrencyRegistry.iso4217());
        if (email != null && !EMAIL.matcher(email).matches()) {
            in.error("email", "email.invalid", "is not an email address");
        }
        if (country != null && !Iso.isCountry(country)) {
            in.error("country", "country.invalid", "must be an ISO 3166-1 alpha-2 code in upper case, such as DE");
        }
        if (locale != null && !Iso.isLocale(locale)) {
            in.error("locale", "locale.invalid", "must be a locale such as \"en\" or \"fr\"");
        }
        in.validate();
        var account = accounts.create(caller.tenantId(), new AccountService.NewAccount(email, name, country, locale, currency));
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
    public AccountView update(@PathParam("id") String id, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        CurrencyUnit currency = in.optionalCurrency("currency", CurrencyRegistry.iso4217());
        in.validate();
        if (currency == null) {
            return AccountView.of(accounts.get(caller.tenantId(), id));
        }
        return AccountView.of(accounts.changeCurrency(caller.tenantId(), id, currency));
    }

}
