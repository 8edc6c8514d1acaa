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

/** {@code GET /receipts/{id}/pdf}: the receipt's stored PDF, as {@link InvoicePdfResource} answers. */
@Audience(Audience.Party.TENANT)
@Path("v1/receipts/{id}/pdf")
@ApplicationScoped
public class ReceiptPdfResource {
    private Caller caller;
    private Documents documents;

    protected ReceiptPdfResource() {
    }

    @Inject
    public ReceiptPdfResource(Caller caller, Documents documents) {
        this.caller = caller;
        this.documents = documents;
    }

    @GET
    @Produces({InvoicePdfResource.PDF, "application/problem+json"})
    public Response get(@PathParam("id") String id) {
        return InvoicePdfResource.answer(() -> documents.receipt(caller.tenantId(), id));
    }
}
