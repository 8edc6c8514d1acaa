package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.NewTopUpRequest;
import dev.kassa.server.payment.api.PaymentViews.TopUpView;
import dev.kassa.server.payment.application.PaymentAttempts;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An account's top-ups: starting one, and the list. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/top-ups")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountTopUpResource {
    private Caller caller;
    private TopUpService topUps;
    private PaymentAttempts attempts;

    protected AccountTopUpResource() {
    }

    @Inject
    public AccountTopUpResource(Caller caller, TopUpService topUps, PaymentAttempts attempts) {
        this.caller = caller;
        this.topUps = topUps;
        this.attempts = attempts;
    }

    @POST
    public Response createTopUp(@PathParam("id") String accountId, NewTopUpRequest body) {
        var created = topUps.create(caller.tenantId(), accountId, new TopUpService.Request(
                body.amount() == null ? null : body.amount().toMoney(), body.payerId(), body.method(), body.quoteId(),
                Boolean.TRUE.equals(body.saveMethod()), body.savedMethodId(), Boolean.TRUE.equals(body.offSession()),
                caller.idempotencyKey(), body.returnUrl(), body.cancelUrl(), body.invoiceId()));
        return Response.created(URI.create("/api/v1/top-ups/" + created.topUp().id()))
                .entity(TopUpView.of(created.topUp(), created.attempt())).build();
    }

    @GET
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
}
