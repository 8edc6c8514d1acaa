package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.DocumentRepository;
import dev.kassa.server.document.domain.StoredDocument;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.RowCollector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Puts a document in the queue of the document worker, in the caller's transaction (the one that
 * issues the document): a burst of finalisations writes one small row each and waits for no PDF.
 * Queueing the same tenant, kind and source again changes nothing.
 */
@ApplicationScoped
public class DocumentQueue {
    /** The documents queued with {@link #queueNew} inside {@link #collecting}, not written yet. */
    private static final RowCollector<StoredDocument> COLLECTED = new RowCollector<>();

    private DocumentRepository documents;
    private Clock clock;

    protected DocumentQueue() {
    }

    @Inject
    public DocumentQueue(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * @param sourceId what the document prints: an invoice's, credit note's, receipt's or top-up's id
     * @param locale the language to write it in, such as {@code fr}
     * @return whether it was queued now (false: it was queued before)
     */
    @Transactional
    public boolean queue(String tenantId, DocumentKind kind, String sourceId, String locale) {
        return documents.queue(new StoredDocument(Ids.next("doc"), tenantId, kind, sourceId, locale, clock.instant()));
    }

    /**
     * Queues the document of a source the caller's transaction has just issued (an invoice it
     * finalised), which cannot have one yet: as {@link #queue}, but the row goes in with the
     * transaction's other rows at commit rather than in a statement of its own (a billing run
     * finalises thousands of invoices).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueNew(String tenantId, DocumentKind kind, String sourceId, String locale) {
        StoredDocument document = new StoredDocument(Ids.next("doc"), tenantId, kind, sourceId, locale,
                clock.instant());
        if (!COLLECTED.offer(document)) {
            documents.add(document);
        }
    }

    /**
     * Runs {@code work} in the caller's transaction and writes the documents it queues with {@link
     * #queueNew} when it returns, all at once ({@link DocumentRepository#addAll}): a billing run's
     * batch queues one per renewal while it holds the tenant's invoice counter. When {@code work}
     * throws, none of them is kept, and the caller's transaction is to roll back as it would anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        return COLLECTED.collecting(work, documents::addAll);
    }
}
