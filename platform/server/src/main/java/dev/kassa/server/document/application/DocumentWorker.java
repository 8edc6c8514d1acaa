package dev.kassa.server.document.application;

import dev.kassa.server.config.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code KASSA_DOCUMENTS_INTERVAL} seconds, on every node: renders what is queued, one
 * document at a time and outside any transaction: claim it ({@link DocumentClaims}, committed),
 * render it ({@link DocumentProduction}), store it with its SHA-256 (committed). A stored document
 * is never rendered again.
 */
@ApplicationScoped
public class DocumentWorker {
    private static final Logger LOG = Logger.getLogger(DocumentWorker.class.getName());
    /** Documents per round and node; the rest wait for the next round. */
    static final int BATCH = 200;

    private DocumentClaims claims;
    private DocumentProduction production;

    protected DocumentWorker() {
    }

    @Inject
    public DocumentWorker(DocumentClaims claims, DocumentProduction production) {
        this.claims = claims;
        this.production = production;
    }

    /** One round; returns how many documents were tried. */
    public int runOnce() {
        return runOnce(() -> false);
    }

    /**
     * One round that may end early: after each document, when {@code enough} says so (another round
     * waits for the thread). At least one document is tried when one is queued, so a round always
     * moves on. Returns how many documents were tried.
     */
    public int runOnce(BooleanSupplier enough) {
        int tried = 0;
        while (tried < BATCH && (tried == 0 || !enough.getAsBoolean())) {
            Optional<ClaimedDocument> next = claims.next();
            if (next.isEmpty()) {
                break;
            }
            render(next.get());
            tried++;
        }
        return tried;
    }

    private void render(ClaimedDocument claimed) {
        PdfWriter.Pdf pdf;
        try {
            pdf = production.produce(claimed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rendering " + claimed.kind() + " document " + claimed.id() + " of "
                    + claimed.sourceId() + " failed (attempt " + claimed.attempt() + ")", e);
            claims.failed(claimed, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        claims.stored(claimed, pdf.bytes(), Secrets.sha256(pdf.bytes()), pdf.xmlBytes());
    }
}
