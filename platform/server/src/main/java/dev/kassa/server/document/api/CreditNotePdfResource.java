package dev.kassa.server.document.api;

import dev.kassa.server.document.application.Documents;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code GET /credit-notes/{id}/pdf}: the credit note's stored PDF (Factur-X), as {@link InvoicePdfResource} answers. */
@Audience(Audience.Party.TENANT)
@Path("v1/credit-notes/{id}/pdf")
@ApplicationScoped
public class CreditNotePdfResource {
    private Caller caller;
    private Documents documents;

    protected CreditNotePdfResource() {
    }

    @Inject
    public CreditNotePdfResource(Caller caller, Documents documents) {
        this.caller = caller;
        this.documents = documents;
    }

    @GET
    @Produces({InvoicePdfResource.PDF, "application/problem+json"})
    public Response get(@PathParam("id") String id) {
        return InvoicePdfResource.answer(() -> documents.creditNote(caller.tenantId(), id));
    }
}
