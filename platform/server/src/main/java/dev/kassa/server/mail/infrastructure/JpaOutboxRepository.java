package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.db.ArrayInsert;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.OutboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code mail_outbox}. Native SQL for the claim ({@code FOR UPDATE SKIP LOCKED} lets
 * a node pass over a mail another node is claiming instead of waiting for it) and, on PostgreSQL,
 * for writing many new mails at once ({@link #addAll}).
 */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {
    /** The id of the PENDING mail due longest ago, locked; mails other transactions hold locked are skipped. */
    static final String NEXT_DUE = "select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1"
            + " order by next_attempt_at, id limit 1 for update skip locked";

    /*
     * New mails to write later as arrays, one per column (ArrayInsert); the columns such a mail
     * leaves empty (bodies, Message-ID, tries and their outcome) stay null or zero. The instants go
     * in as ISO-8601 text.
     */
    static final String INSERT_ALL = "insert into mail_outbox (id, tenant_id, account_id, kind, recipient, from_name,"
            + " reply_to, subject, status, tries, next_attempt_at, created_at, updated_at, locale, model)"
            + " select id, tenant_id, account_id, kind, recipient, from_name, reply_to, subject, status, 0,"
            + " cast(next_attempt_at as timestamp with time zone), cast(created_at as timestamp with time zone),"
            + " cast(updated_at as timestamp with time zone), locale, model"
            + " from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " as m (id, tenant_id, account_id, kind, recipient, from_name, reply_to, subject, status,"
            + " next_attempt_at, created_at, updated_at, locale, model)";

    private EntityManager em;

    protected JpaOutboxRepository() {
    }

    @Inject
    public JpaOutboxRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(OutboxMessage message) {
        em.persist(message);
    }

    /**
     * On PostgreSQL one statement for all of them, written now rather than at the commit ({@link
     * ArrayInsert}); on H2 each is persisted. The rows are not in this persistence context: nothing
     * in the transaction that writes them reads them back.
     */
    @Override
    public void addAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        int n = messages.size();
        String[][] columns = new String[14][n];
        for (int i = 0; i < n; i++) {
            OutboxMessage m = messages.get(i);
            if (!m.needsWriting() || m.status() != OutboxStatus.PENDING || m.tries() != 0 || m.messageId() != null
                    || m.lastError() != null || m.lastAttemptAt() != null || m.sentAt() != null) {
                throw new IllegalArgumentException("mail " + m.id() + " is not a new mail to write later");
            }
            columns[0][i] = m.id();
            columns[1][i] = m.tenantId();
            columns[2][i] = m.accountId();
            columns[3][i] = m.kind();
            columns[4][i] = m.recipient();
            columns[5][i] = m.fromName();
            columns[6][i] = m.replyTo();
            columns[7][i] = m.subject();
            columns[8][i] = m.status().name();
            columns[9][i] = m.nextAttemptAt().toString();
            columns[10][i] = m.createdAt().toString();
            columns[11][i] = m.updatedAt().toString();
            columns[12][i] = m.locale();
            columns[13][i] = m.model();
        }
        if (!ArrayInsert.run(em, INSERT_ALL, columns, n, "mails")) {
            messages.forEach(em::persist);
        }
    }

    @Override
    public Optional<OutboxMessage> lockNextDue(Instant now) {
        List<?> ids = em.createNativeQuery(NEXT_DUE).setParameter(1, Timestamp.from(now)).getResultList();
        // The row is locked by this transaction now; reading it as an entity does not wait.
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(OutboxMessage.class, ids.get(0)));
    }

    @Override
    public Optional<OutboxMessage> lock(String tenantId, String id) {
        return TenantRows.lock(em, OutboxMessage.class, tenantId, id);
    }

    @Override
    public List<OutboxMessage> page(OutboxStatus status, String after, int limit) {
        String where = (status == null ? "" : " and m.status = :status") + (after == null ? "" : " and m.id < :after");
        TypedQuery<OutboxMessage> query = em.createQuery("select m from OutboxMessage m where 1 = 1" + where
                + " order by m.id desc", OutboxMessage.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }
}
