package dev.kassa.server.account.api;

import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.account.api.AccountViews.PayerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;

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
    public Map<String, Object> payers(@PathParam("id") String accountId) {
        var items = accounts.payers(caller.tenantId(), accountId).stream().map(PayerView::of).toList();
        return page(items);
    }

    @GET
    @Path("{payerId}")
    public PayerView payer(@PathParam("id") String accountId, @PathParam("payerId") String payerId) {
        return PayerView.of(accounts.payer(caller.tenantId(), accountId, payerId));
    }

    private static Map<String, Object> page(List<?> items) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("items", items);
        out.put("next", null);
        return out;
    }
}
