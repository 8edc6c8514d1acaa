package dev.kassa.server.payment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Which open attempts, saved methods and refunds are due a check, claimed so that several Kassa
 * nodes on one database never ask about the same one at once: due rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (another node's claim is skipped, not waited for) and their next
 * check is pushed out by a lease before the claim commits.
 */
@ApplicationScoped
public class JanitorClaims {
    /** The tables the janitor looks after. */
    public enum Kind {
        ATTEMPT("payment_attempts"), SAVED_METHOD("saved_methods"), REFUND("refunds");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** A claimed row: its tenant and id. */
    public record Claim(String tenantId, String id) { }

    private EntityManager em;
    private Clock clock;

    protected JanitorClaims() {
    }

    @Inject
    public JanitorClaims(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due rows for {@code lease}: no other node picks them before it ends. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claim(Kind kind, int limit, java.time.Duration lease) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id from " + kind.table
                        + " where next_check_at <= ?1 order by next_check_at limit " + limit
                        + " for update skip locked")
                .setParameter(1, Timestamp.from(now)).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update " + kind.table + " set next_check_at = ?1, check_count = check_count + 1"
                            + " where id = ?2")
                    .setParameter(1, Timestamp.from(now.plus(lease))).setParameter(2, row[1]).executeUpdate();
        }
        return rows.stream().map(r -> new Claim((String) r[0], (String) r[1])).toList();
    }
}
