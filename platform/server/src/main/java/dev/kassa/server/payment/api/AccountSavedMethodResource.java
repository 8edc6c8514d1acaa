package dev.kassa.server.payment.api;

import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.api.PaymentViews.SavedMethodView;
import dev.kassa.server.shared.JsonInput;
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

/** Saving a payment method (a card) for an account's payer, and the account's saved methods. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/saved-methods")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountSavedMethodResource {
    private Caller caller;
    private SavedMethodService savedMethods;

    protected AccountSavedMethodResource() {
    }

    @Inject
    public AccountSavedMethodResource(Caller caller, SavedMethodService savedMethods) {
        this.caller = caller;
        this.savedMethods = savedMethods;
    }

    /** {@code {method, payerId}}: starts saving a card for the payer; PENDING until the gateway confirms it. */
    @POST
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
    public Map<String, Object> savedMethods(@PathParam("id") String accountId) {
        return page(savedMethods.list(caller.tenantId(), accountId).stream().map(SavedMethodView::of).toList());
    }

    private static Map<String, Object> page(List<?> items) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("items", items);
        out.put("next", null);
        return out;
    }
}
