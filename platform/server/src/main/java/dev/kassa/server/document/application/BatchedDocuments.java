package dev.kassa.server.document.application;

import dev.kassa.server.billing.application.BatchedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** A billing run's batch queues its invoices' PDFs at once ({@link DocumentQueue#collecting}). */
@ApplicationScoped
public class BatchedDocuments implements BatchedWrites {
    private DocumentQueue queue;

    protected BatchedDocuments() {
    }

    @Inject
    public BatchedDocuments(DocumentQueue queue) {
        this.queue = queue;
    }

    @Override
    public <T> T collecting(Supplier<T> work) {
        return queue.collecting(work);
    }
}
