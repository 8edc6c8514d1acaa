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
        String key = reversal.endToEndId() != null ? "l.endToEndId = :key" : "l.bankReference = :key";
        return em.createQuery("select l from StatementLine l where l.tenantId = :tenant and l.bankAccount = :account"
                        + " and l.credit = true and l.reversal = false and l.amount.minor = :minor"
                        + " and l.amount.currency = :currency and " + key
                        + " and l.outcome in (dev.kassa.server.bankstatement.domain.StatementLine.Outcome.MATCHED,"
                        + " dev.kassa.server.bankstatement.domain.StatementLine.Outcome.UNMATCHED)"
                        + " and not exists (select r from StatementLine r where r.tenantId = :tenant"
                        + " and r.reversesId = l.id) order by l.id desc", StatementLine.class)
                .setParameter("tenant", tenantId).setParameter("account", reversal.bankAccount())
                .setParameter("minor", reversal.amount().minor()).setParameter("currency", reversal.amount().currency())
                .setParameter("key", reversal.endToEndId() != null ? reversal.endToEndId() : reversal.bankReference())
                .setMaxResults(1).getResultStream().findFirst();
    }
}
