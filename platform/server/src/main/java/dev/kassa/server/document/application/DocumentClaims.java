package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the next queued document for one rendering, in a transaction of its own that commits
 * before the rendering starts: the row is locked while it is claimed ({@code FOR UPDATE SKIP
 * LOCKED}, so another node takes the next one instead of waiting), then it is not due again for
 * {@link #LEASE}, so no other node renders it meanwhile; a node that dies leaves it to the next
 * round after the lease.
 */
@ApplicationScoped
public class DocumentClaims {
    /** Far longer than one rendering (tens of milliseconds). */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private DocumentRepository documents;
    private Clock clock;

    protected DocumentClaims() {
    }

    @Inject
    public DocumentClaims(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClaimedDocument> next() {
        Instant now = clock.instant();
        return documents.lockNextDue(now).map(d -> {
            d.claim(now, LEASE);
            return new ClaimedDocument(d.id(), d.tenantId(), d.kind(), d.sourceId(), d.locale(), d.attempts());
        });
    }

    /** The rendered PDF, stored for good, with its SHA-256 (hex). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stored(ClaimedDocument claimed, byte[] pdf, String sha256, long xmlBytes) {
        documents.lock(claimed.id()).ifPresent(d -> d.store(pdf, sha256, xmlBytes, clock.instant()));
    }

    /** A rendering that failed: tried again later, with a longer wait each time, then given up. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(ClaimedDocument claimed, String error) {
        Duration wait = Duration.ofSeconds(30L << Math.min(claimed.attempt(), 6));
        documents.lock(claimed.id()).ifPresent(d -> d.fail(error, clock.instant(), wait));
    }
}
