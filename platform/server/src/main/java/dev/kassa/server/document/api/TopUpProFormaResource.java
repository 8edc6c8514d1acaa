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

/** {@code GET /top-ups/{id}/pro-forma}: the pro-forma "payment invoice" of a bank-transfer top-up still waiting for its money, made on request. */
@Audience(Audience.Party.TENANT)
@Path("v1/top-ups/{id}/pro-forma")
@ApplicationScoped
public class TopUpProFormaResource {
    private Caller caller;
    private Documents documents;

    protected TopUpProFormaResource() {
    }

    @Inject
    public TopUpProFormaResource(Caller caller, Documents documents) {
        this.caller = caller;
        this.documents = documents;
    }

    @GET
    @Produces({InvoicePdfResource.PDF, "application/problem+json"})
    public Response get(@PathParam("id") String id) {
        return InvoicePdfResource.answer(() -> documents.proForma(caller.tenantId(), id));
    }
}
