package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.NewSavedMethodRequest;
import dev.kassa.server.payment.api.PaymentViews.SavedMethodView;
import dev.kassa.server.payment.application.ReturnUrls;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.SavedMethod;
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

    /**
     * {@code {method, payerId, returnUrl?, cancelUrl?}}: starts saving a card for the payer; PENDING
     * until the gateway confirms it.
     */
    @POST
    public Response saveMethod(@PathParam("id") String accountId, NewSavedMethodRequest body) {
        SavedMethod saved = savedMethods.create(caller.tenantId(), accountId, body.payerId(), body.method(),
                caller.idempotencyKey(), ReturnUrls.of(body.returnUrl(), body.cancelUrl()));
        return Response.created(URI.create("/api/v1/saved-methods/" + saved.id())).entity(SavedMethodView.of(saved))
                .build();
    }

    @GET
    public Page<SavedMethodView> savedMethods(@PathParam("id") String accountId) {
        return Page.all(savedMethods.list(caller.tenantId(), accountId).stream().map(SavedMethodView::of).toList());
    }

}
