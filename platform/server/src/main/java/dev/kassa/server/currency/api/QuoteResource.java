package dev.kassa.server.currency.api;

import dev.kassa.server.currency.api.CurrencyViews.QuoteView;
import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.shared.Money;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
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
    public Response create(QuoteRequest body) {
        var quote = quotes.create(caller.tenantId(), new QuoteService.Request(body.amount(body.from()),
                body.currency(body.from()), body.amount(body.to()), body.currency(body.to()), body.accountId()));
        return Response.created(URI.create("/api/v1/quotes/" + quote.id())).entity(QuoteView.of(quote)).build();
    }

    @GET
    @Path("{id}")
    public QuoteView get(@PathParam("id") String id) {
        return QuoteView.of(quotes.get(caller.tenantId(), id));
    }
}
