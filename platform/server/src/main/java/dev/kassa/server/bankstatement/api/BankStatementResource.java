package dev.kassa.server.bankstatement.api;

import dev.kassa.server.bankstatement.api.BankStatementViews.BankStatementView;
import dev.kassa.server.bankstatement.api.BankStatementViews.StatementEntryView;
import dev.kassa.server.bankstatement.application.BankStatementImport;
import dev.kassa.server.config.Settings;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bank statement files (camt.053, camt.054, MT940) the tenant uploads; their credits go to the bank-transfer path. */
@Audience(Audience.Party.TENANT)
@jakarta.ws.rs.Path("v1/bank-statements")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {
    private Caller caller;
    private BankStatementImport statements;
    private Settings settings;

    protected BankStatementResource() {
    }

    @Inject
    public BankStatementResource(Caller caller, BankStatementImport statements, Settings settings) {
        this.caller = caller;
        this.statements = statements;
        this.settings = settings;
    }

    /**
     * The raw file as the body, any content type: the format is told from the content. The body is
     * copied to a temporary file (never held in memory) and refused past {@code KASSA_MAX_STATEMENT_BYTES}.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body) {
        String tenantId = caller.tenantId();
        Path file = spool(body, settings.maxStatementBytes());
        try {
            BankStatementView view = BankStatementView.of(statements.upload(tenantId, file));
            return Response.created(URI.create("/api/v1/bank-statements/" + view.id())).entity(view).build();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    public BankStatementView get(@PathParam("id") String id) {
        return BankStatementView.of(statements.get(caller.tenantId(), id));
    }

    @GET
    @jakarta.ws.rs.Path("{id}/entries")
    public Page<StatementEntryView> entries(@PathParam("id") String id, @QueryParam("limit") String limit,
                                            @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "bse");
        return Page.of(statements.entries(caller.tenantId(), id, page), page.limit(), l -> l.id())
                .map(StatementEntryView::of);
    }

    private static Path spool(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("kassa-statement-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            long total = 0;
            if (body != null) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new KassaException(413, "statement.too_large", "Statement too large",
                                "A statement file may have at most " + maxBytes + " bytes.", null);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw KassaException.unprocessable("statement.unreadable", "Not a statement",
                        "The body is empty: send the statement file as it is.");
            }
            kept = true;
            return file;
        } catch (IOException e) {
            throw KassaException.malformed("The request body could not be read.");
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
