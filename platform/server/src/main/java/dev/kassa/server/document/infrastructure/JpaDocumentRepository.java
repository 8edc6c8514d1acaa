package dev.kassa.server.document.infrastructure;

import dev.kassa.server.db.ArrayInsert;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.DocumentRepository;
import dev.kassa.server.document.domain.DocumentStatus;
import dev.kassa.server.document.domain.StoredDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code documents}. Native SQL where JPA cannot say it: the queueing is {@code INSERT … ON
 * CONFLICT DO NOTHING} (a document queued twice, by a retried event, stays one row), the worker's
 * claim is {@code FOR UPDATE SKIP LOCKED}, so nodes pass over each other's rows, and a billing
 * run's batch queues its invoices' documents in one statement ({@link #addAll}).
 */
@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {
    static final String QUEUE = "insert into documents (id, tenant_id, kind, source_id, locale, status, attempts,"
            + " next_attempt_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8) on conflict do nothing";
    /*
     * Newly queued documents as arrays, one per column (ArrayInsert): due at once, never tried. No
     * ON CONFLICT: their sources were issued in this very transaction and cannot have one yet, and
     * a duplicate would be a bug to fail on, not to hide.
     */
    static final String INSERT_ALL = "insert into documents (id, tenant_id, kind, source_id, locale, status, attempts,"
            + " next_attempt_at, created_at) select id, tenant_id, kind, source_id, locale, 'QUEUED', 0,"
            + " cast(created_at as timestamp with time zone), cast(created_at as timestamp with time zone)"
            + " from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[])) as d (id, tenant_id, kind, source_id, locale, created_at)";
    static final String NEXT_DUE = "select id from documents where status = 'QUEUED' and next_attempt_at <= ?1"
            + " order by next_attempt_at, id limit 1 for update skip locked";

    private EntityManager em;

    protected JpaDocumentRepository() {
    }

    @Inject
    public JpaDocumentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean queue(StoredDocument d) {
        Timestamp created = Timestamp.from(d.createdAt());
        return em.createNativeQuery(QUEUE).setParameter(1, d.id()).setParameter(2, d.tenantId())
                .setParameter(3, d.kind().name()).setParameter(4, d.sourceId()).setParameter(5, d.locale())
                .setParameter(6, d.status().name()).setParameter(7, created).setParameter(8, created)
                .executeUpdate() == 1;
    }

    @Override
    public void add(StoredDocument document) {
        em.persist(document);
    }

    /**
     * On PostgreSQL one statement for all of them, written now rather than at the commit ({@link
     * ArrayInsert}); on H2 each is persisted. The rows are not in this persistence context: nothing
     * in the transaction that writes them reads them back.
     */
    @Override
    public void addAll(List<StoredDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        int n = documents.size();
        String[][] columns = new String[6][n];
        for (int i = 0; i < n; i++) {
            StoredDocument d = documents.get(i);
            if (d.status() != DocumentStatus.QUEUED || d.attempts() != 0 || d.pdf() != null || d.storedAt() != null
                    || d.lastError() != null) {
                throw new IllegalArgumentException("document " + d.id() + " is not newly queued");
            }
            columns[0][i] = d.id();
            columns[1][i] = d.tenantId();
            columns[2][i] = d.kind().name();
            columns[3][i] = d.sourceId();
            columns[4][i] = d.locale();
            columns[5][i] = d.createdAt().toString();
        }
        if (!ArrayInsert.run(em, INSERT_ALL, columns, n, "queued documents")) {
            documents.forEach(em::persist);
        }
    }

    @Override
    public Optional<StoredDocument> find(String tenantId, DocumentKind kind, String sourceId) {
        List<StoredDocument> found = em.createQuery("select d from StoredDocument d where d.tenantId = :tenant"
                        + " and d.kind = :kind and d.sourceId = :source", StoredDocument.class)
                .setParameter("tenant", tenantId).setParameter("kind", kind).setParameter("source", sourceId)
                .getResultList();
        return found.stream().findFirst();
    }

    @Override
    public Optional<StoredDocument> lockNextDue(Instant now) {
        List<?> ids = em.createNativeQuery(NEXT_DUE).setParameter(1, Timestamp.from(now)).getResultList();
        // The row is locked by this transaction now; reading it as an entity does not wait.
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(StoredDocument.class, ids.get(0)));
    }

    @Override
    public Optional<StoredDocument> lock(String id) {
        return Optional.ofNullable(em.find(StoredDocument.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
