package dev.kassa.server.web;

import dev.kassa.server.payment.application.PaymentAttempts;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.web.view.Views.SavedMethodOptionView;
import dev.kassa.server.web.view.Views.SavedMethodView;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.MoneyView;
import dev.kassa.server.shared.Page;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.topup.application.TopUpService;
import dev.kassa.server.topup.domain.TopUpStatus;
import dev.kassa.server.web.view.Views.AccountView;
import dev.kassa.server.web.view.Views.AdjustmentView;
import dev.kassa.server.web.view.Views.MethodOptionView;
import dev.kassa.server.web.view.Views.MovementView;
import dev.kassa.server.web.view.Views.PayerView;
import dev.kassa.server.web.view.Views.TopUpOptionsView;
import dev.kassa.server.web.view.Views.TopUpView;
import dev.kassa.server.web.view.Views.TransactionView;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Customer accounts and everything hanging off one: payers, top-ups, charges, the statement. */
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
    private TopUpService topUps;
    private BalanceService balances;
    private Conversions conversions;
    private SavedMethodService savedMethods;
    private PaymentAttempts attempts;

    protected AccountResource() {
    }

    @Inject
    public AccountResource(Caller caller, AccountService accounts, TopUpService topUps, BalanceService balances,
                           Conversions conversions, SavedMethodService savedMethods, PaymentAttempts attempts) {
        this.caller = caller;
        this.accounts = accounts;
        this.topUps = topUps;
        this.balances = balances;
        this.conversions = conversions;
        this.savedMethods = savedMethods;
        this.attempts = attempts;
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

    @POST
    @Path("{id}/payers")
    public Response addPayer(@PathParam("id") String accountId, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        String type = in.requiredEnum("type", List.of("PERSON", "COMPANY"));
        String name = in.requiredString("name", 200);
        String country = in.requiredString("country", 2);
        String vatId = in.optionalString("vatId", 20);
        JsonValue address = in.raw("address");
        if (country != null && !Iso.isCountry(country)) {
            in.error("country", "country.invalid", "must be an ISO 3166-1 alpha-2 code in upper case, such as DE");
        }
        if (address != null && address.getValueType() != JsonValue.ValueType.NULL
                && address.getValueType() != JsonValue.ValueType.STRING
                && address.getValueType() != JsonValue.ValueType.OBJECT) {
            in.error("address", "type", "must be a string or an object");
        } else if (address != null && address.toString().length() > 2000) {
            in.error("address", "too_long", "must be at most 2000 characters");
        } else if (address != null && !JsonInput.isText(address.toString())) {
            in.error("address", "invalid", JsonInput.NOT_TEXT);
        }
        in.validate();
        String addressJson = address == null || address.getValueType() == JsonValue.ValueType.NULL ? null
                : address.toString();
        Payer payer = accounts.addPayer(caller.tenantId(), accountId,
                new AccountService.NewPayer(Payer.Type.valueOf(type), name, country, vatId, addressJson));
        return Response.created(URI.create("/api/v1/accounts/" + accountId + "/payers/" + payer.id()))
                .entity(PayerView.of(payer)).build();
    }

    @GET
    @Path("{id}/payers")
    public Map<String, Object> payers(@PathParam("id") String accountId) {
        var items = accounts.payers(caller.tenantId(), accountId).stream().map(PayerView::of).toList();
        return page(items);
    }

    @GET
    @Path("{id}/payers/{payerId}")
    public PayerView payer(@PathParam("id") String accountId, @PathParam("payerId") String payerId) {
        return PayerView.of(accounts.payer(caller.tenantId(), accountId, payerId));
    }

    @GET
    @Path("{id}/top-up-options")
    public TopUpOptionsView topUpOptions(@PathParam("id") String accountId, @QueryParam("payerId") String payerId) {
        var options = topUps.options(caller.tenantId(), accountId, blankToNull(payerId));
        var limits = options.limits();
        List<String> offered = options.methods().stream().map(m -> m.code()).toList();
        return new TopUpOptionsView(MoneyView.of(limits.minimum()), MoneyView.of(limits.maximum()),
                limits.presets().stream().map(MoneyView::of).toList(),
                options.methods().stream().map(m -> MethodOptionView.of(m, options.locale())).toList(),
                options.savedMethods().stream().filter(s -> offered.contains(s.method()))
                        .map(SavedMethodOptionView::of).toList());
    }

    @POST
    @Path("{id}/top-ups")
    public Response createTopUp(@PathParam("id") String accountId, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        Money amount = in.requiredMoney("amount", CurrencyRegistry.iso4217());
        in.requirePositive("amount", amount);
        String payerId = in.optionalString("payerId", 40);
        String method = in.requiredString("method", 64);
        String quoteId = in.optionalString("quoteId", 40);
        Boolean saveMethod = in.optionalBoolean("saveMethod");
        String savedMethodId = in.optionalString("savedMethodId", 40);
        Boolean offSession = in.optionalBoolean("offSession");
        in.validate();
        var created = topUps.create(caller.tenantId(), accountId, new TopUpService.Request(amount, payerId, method,
                quoteId, Boolean.TRUE.equals(saveMethod), savedMethodId, Boolean.TRUE.equals(offSession),
                caller.idempotencyKey()));
        return Response.created(URI.create("/api/v1/top-ups/" + created.topUp().id()))
                .entity(TopUpView.of(created.topUp(), created.attempt())).build();
    }

    /** {@code {method, payerId}}: starts saving a card for the payer; PENDING until the gateway confirms it. */
    @POST
    @Path("{id}/saved-methods")
    public Response saveMethod(@PathParam("id") String accountId, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        String method = in.requiredString("method", 64);
        String payerId = in.requiredString("payerId", 40);
        in.validate();
        SavedMethod saved = savedMethods.create(caller.tenantId(), accountId, payerId, method,
                caller.idempotencyKey());
        return Response.created(URI.create("/api/v1/saved-methods/" + saved.id())).entity(SavedMethodView.of(saved))
                .build();
    }

    @GET
    @Path("{id}/saved-methods")
    public Map<String, Object> savedMethods(@PathParam("id") String accountId) {
        return page(savedMethods.list(caller.tenantId(), accountId).stream().map(SavedMethodView::of).toList());
    }

    @GET
    @Path("{id}/top-ups")
    public Page<TopUpView> listTopUps(@PathParam("id") String accountId, @QueryParam("status") String status,
                                      @QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "top");
        TopUpStatus filter = null;
        if (status != null) {
            try {
                filter = TopUpStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw KassaException.invalid("status", "invalid", "must be NEW, PAID or CANCELLED");
            }
        }
        return Page.of(topUps.list(caller.tenantId(), accountId, filter, page), page.limit(), t -> t.id())
                .map(t -> TopUpView.of(t, attempts.latest(caller.tenantId(), t.id()).orElse(null)));
    }

    @POST
    @Path("{id}/charges")
    public Response charge(@PathParam("id") String accountId, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        Money amount = in.requiredMoney("amount", CurrencyRegistry.iso4217());
        in.requirePositive("amount", amount);
        String description = in.requiredString("description", 500);
        in.validate();
        var movement = balances.charge(caller.tenantId(), accountId, amount, description);
        return Response.status(Statuses.of(201)).entity(MovementView.of(movement)).build();
    }

    @POST
    @Path("{id}/adjustments")
    public Response adjust(@PathParam("id") String accountId, JsonValue body) {
        JsonInput in = JsonInput.of(body);
        Money amount = in.requiredMoney("amount", CurrencyRegistry.iso4217());
        in.requirePositive("amount", amount);
        String direction = in.requiredEnum("direction", List.of("CREDIT", "DEBIT"));
        String reason = in.requiredString("reason", 500);
        in.validate();
        var movement = balances.adjust(caller.tenantId(), accountId, amount,
                BalanceService.Direction.valueOf(direction), reason);
        return Response.status(Statuses.of(201)).entity(new AdjustmentView(movement.id(), direction,
                MoneyView.of(amount), reason, MoneyView.of(movement.balanceAfter()), movement.createdAt())).build();
    }

    @GET
    @Path("{id}/transactions")
    public Page<TransactionView> transactions(@PathParam("id") String accountId, @QueryParam("limit") String limit,
                                              @QueryParam("after") String after) {
        // The statement checks its cursor itself: it must be an entry of this very account.
        PageRequest page = new PageRequest(PageRequest.of(limit, null, "jen").limit(), after);
        return Page.of(balances.statement(caller.tenantId(), accountId, page), page.limit(), l -> l.cursor())
                .map(TransactionView::of);
    }

    private static Map<String, Object> page(List<?> items) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("items", items);
        out.put("next", null);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
