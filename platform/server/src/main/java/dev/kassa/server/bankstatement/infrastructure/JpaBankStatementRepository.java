package dev.kassa.server.bankstatement.infrastructure;

import dev.kassa.server.bankstatement.domain.BankStatement;
import dev.kassa.server.bankstatement.domain.BankStatementRepository;
import dev.kassa.server.bankstatement.domain.StatementLine;
import dev.kassa.server.db.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Statements in {@code bank_statements}, their entries in {@code bank_statement_entries}. */
@ApplicationScoped
public class JpaBankStatementRepository implements BankStatementRepository {
    private EntityManager em;

    protected JpaBankStatementRepository() {
    }

    @Inject
    public JpaBankStatementRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(BankStatement statement) {
        em.persist(statement);
    }

    @Override
    public Optional<BankStatement> find(String tenantId, String id) {
        return TenantRows.find(em, BankStatement.class, tenantId, id);
    }

    @Override
    public void addLine(StatementLine line) {
        em.persist(line);
    }

    @Override
    public List<StatementLine> lines(String tenantId, String statementId, String after, int limit) {
        // Ids grow with time, and one import writes its entries in file order.
        var query = em.createQuery("select l from StatementLine l where l.tenantId = :tenant"
                        + " and l.statementId = :statement" + (after == null ? "" : " and l.id > :after")
                        + " order by l.id", StatementLine.class)
                .setParameter("tenant", tenantId).setParameter("statement", statementId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public BankStatement saveCounts(BankStatement counted) {
        return em.merge(counted);
    }

    @Override
    public boolean debitSeen(String tenantId, String bankAccount, String bankReference) {
        return !em.createQuery("select l.id from StatementLine l where l.tenantId = :tenant"
                        + " and l.bankAccount = :account and l.bankReference = :ref and l.credit = false", String.class)
                .setParameter("tenant", tenantId).setParameter("account", bankAccount)
                .setParameter("ref", bankReference).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<StatementLine> reversible(String tenantId, StatementLine reversal) {
        // Banks give a reversal its own reference; what it shares with the original is the payer's
        // end-to-end id, else the remittance text, else (some banks) the bank reference itself.
        String key;
        String value;
        if (reversal.endToEndId() != null) {
            key = "l.endToEndId = :key";
            value = reversal.endToEndId();
        } else if (reversal.remittance() != null) {
            key = "l.remittance = :key";
            value = reversal.remittance();
        } else {
            key = "l.bankReference = :key";
            value = reversal.bankReference();
        }
        List<StatementLine> candidates = em.createQuery("select l from StatementLine l where l.tenantId = :tenant"
                        + " and l.bankAccount = :account and " + key + " order by l.id desc", StatementLine.class)
                .setParameter("tenant", tenantId).setParameter("account", reversal.bankAccount())
                .setParameter("key", value).setMaxResults(100).getResultList();
        for (StatementLine l : candidates) {
            boolean credited = l.outcome() == StatementLine.Outcome.MATCHED
                    || l.outcome() == StatementLine.Outcome.UNMATCHED;
            if (l.credit() && !l.reversal() && credited && l.amount().equals(reversal.amount())
                    && em.createQuery("select r.id from StatementLine r where r.tenantId = :tenant"
                            + " and r.reversesId = :id", String.class).setParameter("tenant", tenantId)
                    .setParameter("id", l.id()).setMaxResults(1).getResultList().isEmpty()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
