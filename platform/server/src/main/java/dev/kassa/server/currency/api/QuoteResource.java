package dev.kassa.server.currency.api;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;

import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.shared.Money;
import dev.kassa.server.currency.api.CurrencyViews.QuoteView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Quotes: {@code {from: Money, to: "EUR"}} or {@code {from: "USD", to: Money}}, optionally for one account. */
@Audience(Audience.Party.TENANT)
@Path("v1/quotes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {
    private Caller caller;
    private QuoteService quotes;

    protected QuoteResource() {
    }

    @Inject
    public QuoteResource(Caller caller, QuoteService quotes) {
        this.caller = caller;
        this.quotes = quotes;
    }

    @POST
    public Response create(JsonValue body) {
        JsonInput in = JsonInput.of(body);
        CurrencyRegistry registry = CurrencyRegistry.iso4217();
        JsonValue from = in.raw("from");
        JsonValue to = in.raw("to");
        Money fromAmount = null;
        Money toAmount = null;
        CurrencyUnit fromCurrency = null;
        CurrencyUnit toCurrency = null;
        boolean fromIsAmount = from != null && from.getValueType() == JsonValue.ValueType.OBJECT;
        boolean toIsAmount = to != null && to.getValueType() == JsonValue.ValueType.OBJECT;
        if (fromIsAmount == toIsAmount) {
            in.error(fromIsAmount ? "to" : "from", "invalid",
                    "fix exactly one side: {\"from\": {amount, currency}, \"to\": \"EUR\"} or {\"from\": \"USD\", \"to\": {amount, currency}}");
        } else if (fromIsAmount) {
            fromAmount = in.requiredMoney("from", registry);
            in.requirePositive("from", fromAmount);
            toCurrency = currency(in, "to", to, registry);
        } else {
            toAmount = in.requiredMoney("to", registry);
            in.requirePositive("to", toAmount);
            fromCurrency = currency(in, "from", from, registry);
        }
        String accountId = in.optionalString("accountId", 40);
        in.validate();
        var quote = quotes.create(caller.tenantId(),
                new QuoteService.Request(fromAmount, fromCurrency, toAmount, toCurrency, accountId));
        return Response.created(URI.create("/api/v1/quotes/" + quote.id())).entity(QuoteView.of(quote)).build();
    }

    @GET
    @Path("{id}")
    public QuoteView get(@PathParam("id") String id) {
        return QuoteView.of(quotes.get(caller.tenantId(), id));
    }

    private static CurrencyUnit currency(JsonInput in, String field, JsonValue value, CurrencyRegistry registry) {
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            in.error(field, "required", "must be a currency code such as \"EUR\"");
            return null;
        }
        CurrencyUnit unit = registry.find(((JsonString) value).getString()).orElse(null);
        if (unit == null) {
            in.error(field, "currency.unknown", "is not an active ISO 4217 currency code");
        }
        return unit;
    }
}
