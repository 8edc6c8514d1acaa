package dev.kassa.server.document.api;

import dev.kassa.server.document.application.Documents;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * {@code GET /invoices/{id}/pdf}: the invoice's stored PDF (Factur-X), with its SHA-256 as the
 * {@code ETag}; while the worker has not rendered it yet, 409 {@code document.not_ready} with
 * {@code Retry-After}.
 */
@Audience(Audience.Party.TENANT)
@Path("v1/invoices/{id}/pdf")
@ApplicationScoped
public class InvoicePdfResource {
    static final String PDF = "application/pdf";

    private Caller caller;
    private Documents documents;

    protected InvoicePdfResource() {
    }

    @Inject
    public InvoicePdfResource(Caller caller, Documents documents) {
        this.caller = caller;
        this.documents = documents;
    }

    @GET
    @Produces({PDF, "application/problem+json"})
    public Response get(@PathParam("id") String id) {
        return answer(() -> documents.invoice(caller.tenantId(), id));
    }

    /**
     * 200 with the PDF {@code pdf} gives; while it is being made, 409 {@code document.not_ready} with
     * {@code Retry-After}; any other refusal as it is.
     */
    static Response answer(Supplier<Documents.Pdf> pdf) {
        Documents.Pdf found;
        try {
            found = pdf.get();
        } catch (KassaException e) {
            if (!"document.not_ready".equals(e.code())) {
                throw e;
            }
            return Response.fromResponse(Problems.response(e))
                    .header("Retry-After", Integer.toString(Documents.RETRY_AFTER_SECONDS)).build();
        }
        return ok(found);
    }

    /** 200 with the bytes, their SHA-256 as a strong ETag and as a Repr-Digest, and a file name to save them as. */
    static Response ok(Documents.Pdf pdf) {
        return Response.ok(pdf.bytes(), PDF)
                .header("ETag", "\"" + pdf.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(pdf.sha256())) + ":")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName().replaceAll("[^A-Za-z0-9._-]",
                        "_") + "\"")
                .header("Cache-Control", "private, max-age=0")
                .build();
    }
}
