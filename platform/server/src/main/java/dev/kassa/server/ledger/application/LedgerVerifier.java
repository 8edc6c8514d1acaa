package dev.kassa.server.ledger.application;

import dev.kassa.server.ledger.domain.JournalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    private JournalRepository journal;

    protected LedgerVerifier() {
    }

    @Inject
    public LedgerVerifier(JournalRepository journal) {
        this.journal = journal;
    }

    public record Report(boolean balanced, long accounts, long entries, List<Map<String, Object>> mismatches) { }

    /** Verifies one tenant, or every tenant when {@code tenantId} is null. */
    @Transactional
    public Report verify(String tenantId) {
        List<Map<String, Object>> mismatches = new ArrayList<>();
        for (JournalRepository.Unbalanced u : journal.unbalanced(tenantId)) {
            mismatches.add(Map.of("kind", "unbalanced_transaction", "transactionId", u.transactionId(),
                    "currency", u.currency(), "sumMinor", u.sumMinor()));
        }
        for (JournalRepository.BalanceMismatch m : journal.balanceMismatches(tenantId)) {
            mismatches.add(Map.of("kind", "balance_mismatch", "accountId", m.accountId(),
                    "storedMinor", m.storedMinor(), "computedMinor", m.computedMinor()));
        }
        long accounts = journal.customerAccounts(tenantId) + journal.systemAccounts(tenantId);
        return new Report(mismatches.isEmpty(), accounts, journal.entries(tenantId), mismatches);
    }
}
