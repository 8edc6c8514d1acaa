package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.payment.domain.JanitorClaim;
import dev.kassa.server.payment.domain.JanitorClaimRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Claims due rows of {@code payment_attempts}, {@code saved_methods} and {@code refunds}. Native SQL
 * for {@code FOR UPDATE SKIP LOCKED}: another node's claim is skipped, not waited for.
 */
@ApplicationScoped
public class JpaJanitorClaimRepository implements JanitorClaimRepository {
    private EntityManager em;

    protected JpaJanitorClaimRepository() {
    }

    @Inject
    public JpaJanitorClaimRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<JanitorClaim> claimDue(JanitorClaim.Kind kind, Instant now, int limit, Instant leaseEnd) {
        String table = table(kind);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id from " + table
                        + " where next_check_at <= ?1 order by next_check_at limit " + limit
                        + " for update skip locked")
                .setParameter(1, Timestamp.from(now)).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update " + table + " set next_check_at = ?1, check_count = check_count + 1"
                            + " where id = ?2")
                    .setParameter(1, Timestamp.from(leaseEnd)).setParameter(2, row[1]).executeUpdate();
        }
        return rows.stream().map(r -> new JanitorClaim((String) r[0], (String) r[1])).toList();
    }

    private static String table(JanitorClaim.Kind kind) {
        return switch (kind) {
            case ATTEMPT -> "payment_attempts";
            case SAVED_METHOD -> "saved_methods";
            case REFUND -> "refunds";
        };
    }
}
