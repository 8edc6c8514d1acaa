package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.application.LedgerVerifier;
import dev.kassa.server.web.Audience;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operator: checks over the whole installation. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/operator/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorLedgerResource {
    private LedgerVerifier verifier;

    protected OperatorLedgerResource() {
    }

    @Inject
    public OperatorLedgerResource(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    /** Recomputes every balance of every tenant from the journal. */
    @GET
    @Path("verify")
    public LedgerVerifier.Report verifyLedger() {
        return verifier.verify(null);
    }
}
