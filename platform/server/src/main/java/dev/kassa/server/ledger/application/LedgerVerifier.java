package dev.kassa.server.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the ledger from its entries: every transaction must balance per currency, and every
 * customer's stored balance must equal minus the sum of its entries.
 */
@ApplicationScoped
public class LedgerVerifier {
    private EntityManager em;

    protected LedgerVerifier() {
    }

    @Inject
    public LedgerVerifier(EntityManager em) {
        this.em = em;
    }

    public record Report(boolean balanced, long accounts, long entries, List<Map<String, Object>> mismatches) { }

    /** Verifies one tenant, or every tenant when {@code tenantId} is null. */
    @Transactional
    public Report verify(String tenantId) {
        String scope = tenantId == null ? "" : " and e.tenant_id = ?1";
        String accountScope = tenantId == null ? "" : " and a.tenant_id = ?1";
        List<Map<String, Object>> mismatches = new ArrayList<>();

        for (Object[] row : rows("select e.transaction_id, e.currency, sum(e.amount_minor) from journal_entries e"
                + " where 1 = 1" + scope + " group by e.transaction_id, e.currency having sum(e.amount_minor) <> 0",
                tenantId)) {
            mismatches.add(Map.of("kind", "unbalanced_transaction", "transactionId", row[0],
                    "currency", row[1], "sumMinor", ((Number) row[2]).longValue()));
        }
        for (Object[] row : rows("select a.id, a.balance_minor, coalesce(-s.total, 0) from accounts a"
                + " left join (select e.ledger_account, sum(e.amount_minor) total from journal_entries e"
                + " where e.ledger_account not like 'sys:%'" + scope + " group by e.ledger_account) s"
                + " on s.ledger_account = a.id where a.balance_minor <> coalesce(-s.total, 0)" + accountScope,
                tenantId)) {
            if (((Number) row[1]).longValue() != ((Number) row[2]).longValue()) {
                mismatches.add(Map.of("kind", "balance_mismatch", "accountId", row[0],
                        "storedMinor", ((Number) row[1]).longValue(), "computedMinor", ((Number) row[2]).longValue()));
            }
        }
        long customers = count("select count(*) from accounts a where 1 = 1" + accountScope, tenantId);
        long systemAccounts = count("select count(*) from (select distinct e.tenant_id, e.ledger_account"
                + " from journal_entries e where e.ledger_account like 'sys:%'" + scope + ") x", tenantId);
        long entries = count("select count(*) from journal_entries e where 1 = 1" + scope, tenantId);
        return new Report(mismatches.isEmpty(), customers + systemAccounts, entries, mismatches);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String tenantId) {
        var query = em.createNativeQuery(sql);
        if (tenantId != null) {
            query.setParameter(1, tenantId);
        }
        return query.getResultList();
    }

    private long count(String sql, String tenantId) {
        var query = em.createNativeQuery(sql);
        if (tenantId != null) {
            query.setParameter(1, tenantId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
