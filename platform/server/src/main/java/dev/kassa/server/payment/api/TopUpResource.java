package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentRequests.NewRefundRequest;
import dev.kassa.server.payment.api.PaymentViews.AttemptView;
import dev.kassa.server.payment.api.PaymentViews.RefundView;
import dev.kassa.server.payment.api.PaymentViews.TopUpView;
import dev.kassa.server.payment.application.PaymentAttempts;
import dev.kassa.server.payment.application.RefundService;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
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

@Audience(Audience.Party.TENANT)
@Path("v1/top-ups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopUpResource {
    private Caller caller;
    private TopUpService topUps;
    private PaymentAttempts attempts;
    private RefundService refunds;

    protected TopUpResource() {
    }

    @Inject
    public TopUpResource(Caller caller, TopUpService topUps, PaymentAttempts attempts, RefundService refunds) {
        this.caller = caller;
        this.topUps = topUps;
        this.attempts = attempts;
        this.refunds = refunds;
    }

    @GET
    @Path("{id}")
    public TopUpView get(@PathParam("id") String id) {
        return view(topUps.get(caller.tenantId(), id));
    }

    /** Gives up a NEW top-up; money that still arrives for it is credited all the same. */
    @POST
    @Path("{id}/cancel")
    public TopUpView cancel(@PathParam("id") String id) {
        return view(topUps.cancel(caller.tenantId(), id, "Cancelled by request"));
    }

    /**
     * {@code {amount, bankAccount?}}: gives unused funds back through the method the top-up was paid with. At most
     * the smaller of the balance and what is left unrefunded of the top-up.
     */
    @POST
    @Path("{id}/refunds")
    public Response refund(@PathParam("id") String id, NewRefundRequest body) {
        Refund refund = refunds.create(caller.tenantId(), id, body.amount().toMoney(), caller.idempotencyKey(),
                body.payee());
        return Response.created(URI.create("/api/v1/refunds/" + refund.id())).entity(RefundView.of(refund)).build();
    }

    @GET
    @Path("{id}/refunds")
    public Page<RefundView> refunds(@PathParam("id") String id) {
        return Page.all(refunds.forTopUp(caller.tenantId(), id).stream().map(RefundView::of).toList());
    }

    /**
     * Every payment attempt of the top-up, newest first, each with its history: what the first
     * call, webhooks and the janitor said, in order.
     */
    @GET
    @Path("{id}/attempts")
    public Page<AttemptView> attempts(@PathParam("id") String id) {
        topUps.get(caller.tenantId(), id); // 404 for another tenant's top-up
        return Page.all(attempts.forTopUp(caller.tenantId(), id).stream()
                .map(a -> AttemptView.of(a, attempts.history(caller.tenantId(), a.id()))).toList());
    }

    private TopUpView view(TopUp topUp) {
        return TopUpView.of(topUp, attempts.latest(caller.tenantId(), topUp.id()).orElse(null));
    }
}
