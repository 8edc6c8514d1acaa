package dev.kassa.server.document.infrastructure;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.DocumentRepository;
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
 * CONFLICT DO NOTHING} (a document queued twice, by a retried event, stays one row), and the
 * worker's claim is {@code FOR UPDATE SKIP LOCKED}, so nodes pass over each other's rows.
 */
@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {
    static final String QUEUE = "insert into documents (id, tenant_id, kind, source_id, locale, status, attempts,"
            + " next_attempt_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8) on conflict do nothing";
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
