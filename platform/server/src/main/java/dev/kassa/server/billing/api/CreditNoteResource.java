package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingViews.CreditNoteView;
import dev.kassa.server.billing.application.CreditNotes;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One credit note. */
@Audience(Audience.Party.TENANT)
@Path("v1/credit-notes/{id}")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {
    private Caller caller;
    private CreditNotes creditNotes;

    protected CreditNoteResource() {
    }

    @Inject
    public CreditNoteResource(Caller caller, CreditNotes creditNotes) {
        this.caller = caller;
        this.creditNotes = creditNotes;
    }

    @GET
    public CreditNoteView get(@PathParam("id") String id) {
        return CreditNoteView.of(creditNotes.get(caller.tenantId(), id));
    }
}
