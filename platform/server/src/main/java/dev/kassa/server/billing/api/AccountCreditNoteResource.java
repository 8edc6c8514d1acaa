package dev.kassa.server.billing.api;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An account's credit notes. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/credit-notes")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountCreditNoteResource {
    private Caller caller;
    private CreditNotes creditNotes;

    protected AccountCreditNoteResource() {
    }

    @Inject
    public AccountCreditNoteResource(Caller caller, CreditNotes creditNotes) {
        this.caller = caller;
        this.creditNotes = creditNotes;
    }

    @GET
    public Page<CreditNoteView> creditNotes(@PathParam("id") String accountId, @QueryParam("limit") String limit,
                                            @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "crn");
        return Page.of(creditNotes.ofAccount(caller.tenantId(), accountId, page), page.limit(), CreditNote::id)
                .map(CreditNoteView::of);
    }
}
