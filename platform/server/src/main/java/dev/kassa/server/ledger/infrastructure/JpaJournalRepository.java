package dev.kassa.server.ledger.infrastructure;

import dev.kassa.server.ledger.domain.CustomerPosting;
import dev.kassa.server.ledger.domain.JournalEntry;
import dev.kassa.server.ledger.domain.JournalLine;
import dev.kassa.server.ledger.domain.JournalRepository;
import dev.kassa.server.ledger.domain.JournalTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The journal in {@code journal_transactions} and {@code journal_entries}. */
@ApplicationScoped
public class JpaJournalRepository implements JournalRepository {
    private EntityManager em;
    private CustomerPostingStatement oneStatement;

    protected JpaJournalRepository() {
    }

    @Inject
    public JpaJournalRepository(EntityManager em, CustomerPostingStatement oneStatement) {
        this.em = em;
        this.oneStatement = oneStatement;
    }

    @Override
    public void add(JournalTransaction transaction, List<JournalEntry> entries) {
        em.persist(transaction);
        entries.forEach(em::persist);
    }

    /** Native SQL: one data-modifying statement is the ledger's hot path (see {@link CustomerPostingStatement}). */
    @Override
    public OptionalLong postOnCustomer(CustomerPosting posting) {
        return oneStatement.post(posting);
    }

    @Override
    public Optional<long[]> postAllDebitsOnCustomers(String tenantId, List<CustomerPosting> postings) {
        return oneStatement.postAllDebits(tenantId, postings);
    }

    @Override
    public boolean hasEntry(String tenantId, String ledgerAccount, String entryId) {
        return !em.createQuery("select e.id from JournalEntry e where e.id = :after and e.ledgerAccount = :account"
                        + " and e.tenantId = :tenant", String.class)
                .setParameter("after", entryId).setParameter("account", ledgerAccount)
                .setParameter("tenant", tenantId).getResultList().isEmpty();
    }

    @Override
    public List<JournalLine> page(String tenantId, String ledgerAccount, String after, int limit) {
        var query = em.createQuery("select e, t from JournalEntry e, JournalTransaction t"
                        + " where t.id = e.transactionId and e.ledgerAccount = :account and e.tenantId = :tenant"
                        + (after == null ? "" : " and e.id < :after") + " order by e.id desc", Object[].class)
                .setParameter("account", ledgerAccount).setParameter("tenant", tenantId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList().stream()
                .map(row -> new JournalLine((JournalEntry) row[0], (JournalTransaction) row[1])).toList();
    }

    @Override
    public boolean hasEntries(String tenantId) {
        return !em.createQuery("select e.id from JournalEntry e where e.tenantId = :tenant", String.class)
                .setParameter("tenant", tenantId).setMaxResults(1).getResultList().isEmpty();
    }

    /*
     * The checks below are native SQL: they aggregate over every entry in the database, and the
     * balance check joins accounts to a grouped subquery, which JPQL cannot express.
     */

    @Override
    public List<Unbalanced> unbalanced(String tenantId) {
        return rows("select e.transaction_id, e.currency, sum(e.amount_minor) from journal_entries e"
                + " where 1 = 1" + scope(tenantId) + " group by e.transaction_id, e.currency"
                + " having sum(e.amount_minor) <> 0", tenantId).stream()
                .map(row -> new Unbalanced((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList();
    }

    @Override
    public List<BalanceMismatch> balanceMismatches(String tenantId) {
        return rows("select a.id, a.balance_minor, coalesce(-s.total, 0) from accounts a"
                + " left join (select e.ledger_account, sum(e.amount_minor) total from journal_entries e"
                + " where e.ledger_account not like 'sys:%'" + scope(tenantId) + " group by e.ledger_account) s"
                + " on s.ledger_account = a.id where a.balance_minor <> coalesce(-s.total, 0)"
                + accountScope(tenantId), tenantId).stream()
                .map(row -> new BalanceMismatch((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue()))
                .filter(m -> m.storedMinor() != m.computedMinor())
                .toList();
    }

    @Override
    public long customerAccounts(String tenantId) {
        return count("select count(*) from accounts a where 1 = 1" + accountScope(tenantId), tenantId);
    }

    @Override
    public long systemAccounts(String tenantId) {
        return count("select count(*) from (select distinct e.tenant_id, e.ledger_account"
                + " from journal_entries e where e.ledger_account like 'sys:%'" + scope(tenantId) + ") x", tenantId);
    }

    @Override
    public long entries(String tenantId) {
        return count("select count(*) from journal_entries e where 1 = 1" + scope(tenantId), tenantId);
    }

    private static String scope(String tenantId) {
        return tenantId == null ? "" : " and e.tenant_id = ?1";
    }

    private static String accountScope(String tenantId) {
        return tenantId == null ? "" : " and a.tenant_id = ?1";
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
