package dev.kassa.server.ledger.api;

import dev.kassa.server.ledger.application.LedgerVerifier;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The calling tenant's own check of its ledger. */
@Audience(Audience.Party.TENANT)
@Path("v1/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerVerifyResource {
    private Caller caller;
    private LedgerVerifier verifier;

    protected LedgerVerifyResource() {
    }

    @Inject
    public LedgerVerifyResource(Caller caller, LedgerVerifier verifier) {
        this.caller = caller;
        this.verifier = verifier;
    }

    /** Recomputes the tenant's balances from its journal and reports what does not add up. */
    @GET
    @Path("verify")
    public LedgerVerifier.Report verifyLedger() {
        return verifier.verify(caller.tenantId());
    }
}
