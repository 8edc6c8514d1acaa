package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.CreditNoteRequest;
import dev.kassa.server.billing.api.BillingViews.CreditNoteView;
import dev.kassa.server.billing.application.CreditNotes;
import dev.kassa.server.billing.domain.CreditNote;
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
import java.util.List;

/** An invoice's credit notes: issuing one, and the list. */
@Audience(Audience.Party.TENANT)
@Path("v1/invoices/{id}/credit-notes")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceCreditNoteResource {
    private Caller caller;
    private CreditNotes creditNotes;

    protected InvoiceCreditNoteResource() {
    }

    @Inject
    public InvoiceCreditNoteResource(Caller caller, CreditNotes creditNotes) {
        this.caller = caller;
        this.creditNotes = creditNotes;
    }

    @POST
    public Response issue(@PathParam("id") String invoiceId, CreditNoteRequest body) {
        List<CreditNotes.LineRequest> lines = body.lines() == null ? List.of() : body.lines().stream()
                .map(l -> new CreditNotes.LineRequest(l.invoiceLineId(), l.count())).toList();
        CreditNote issued = creditNotes.issue(caller.tenantId(), invoiceId,
                new CreditNotes.Request(body.reason(), lines));
        return Response.created(URI.create("/api/v1/credit-notes/" + issued.id()))
                .entity(CreditNoteView.of(issued)).build();
    }

    @GET
    public Page<CreditNoteView> list(@PathParam("id") String invoiceId, @QueryParam("limit") String limit,
                                     @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "crn");
        return Page.of(creditNotes.ofInvoice(caller.tenantId(), invoiceId, page), page.limit(), CreditNote::id)
                .map(CreditNoteView::of);
    }
}
