package dev.kassa.server.document.domain;

import java.util.List;

import java.time.Instant;
import java.util.Optional;

/** The {@code documents} table; every method joins the caller's transaction. */
public interface DocumentRepository {

    /** Adds a queued document unless the tenant has one for this kind and source already; true when added. */
    boolean queue(StoredDocument document);

    /**
     * Adds a queued document for a source the caller's transaction has just issued, which no
     * document can name yet: its row is written with the transaction's other rows at commit, in
     * their batch, not in a statement of its own.
     */
    void add(StoredDocument document);

    /**
     * New queued documents of sources that have none yet, all written now: every one of them or,
     * when the write fails, none (the caller's transaction is then to be rolled back). One statement
     * where the database allows it, instead of a row each at the commit.
     */
    default void addAll(List<StoredDocument> documents) {
        documents.forEach(this::add);
    }

    Optional<StoredDocument> find(String tenantId, DocumentKind kind, String sourceId);

    /** The next queued document due at {@code now}, locked; another node's locked rows are skipped. */
    Optional<StoredDocument> lockNextDue(Instant now);

    /** A document by id, locked. */
    Optional<StoredDocument> lock(String id);
}
