package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentViews.MethodOptionView;
import dev.kassa.server.payment.api.PaymentViews.SavedMethodOptionView;
import dev.kassa.server.payment.api.PaymentViews.TopUpOptionsView;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.MoneyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What an account may top up with: the limits, the preset amounts, the methods offered to its country and the payer's saved methods. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/top-up-options")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopUpOptionsResource {
    private Caller caller;
    private TopUpService topUps;

    protected TopUpOptionsResource() {
    }

    @Inject
    public TopUpOptionsResource(Caller caller, TopUpService topUps) {
        this.caller = caller;
        this.topUps = topUps;
    }

    @GET
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
