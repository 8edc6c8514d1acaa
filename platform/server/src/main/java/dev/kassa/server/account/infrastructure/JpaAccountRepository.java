package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Accounts in {@code accounts}, payers in {@code payers}. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {
    private EntityManager em;

    protected JpaAccountRepository() {
    }

    @Inject
    public JpaAccountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Account> find(String tenantId, String id) {
        return TenantRows.find(em, Account.class, tenantId, id);
    }

    @Override
    public Account lock(String tenantId, String id) {
        // Flushing is at commit, and a locking query refreshes the entity from its row: a balance this
        // transaction changed in memory (the JPA posting path, H2's, charging one account twice in a
        // billing batch) would be read back as it was and the first change lost. So write it first.
        em.flush();
        return TenantRows.lock(em, Account.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public List<Account> lockAll(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        em.flush(); // as in lock: balances changed in memory are written before the rows are read back
        return em.createQuery("select a from Account a where a.tenantId = :tenant and a.id in :ids order by a.id",
                        Account.class)
                .setParameter("tenant", tenantId).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public Optional<Account> findByReference(String tenantId, String reference) {
        return em.createQuery("select a from Account a where a.reference = :ref and a.tenantId = :tenant", Account.class)
                .setParameter("ref", reference).setParameter("tenant", tenantId).getResultStream().findFirst();
    }

    @Override
    public Optional<Account> findByEmail(String tenantId, String email) {
        return em.createQuery("select a from Account a where a.emailKey = :key and a.tenantId = :tenant", Account.class)
                .setParameter("key", Account.emailKey(email)).setParameter("tenant", tenantId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public boolean emailTaken(String tenantId, String email) {
        return !em.createQuery("select a.id from Account a where a.emailKey = :key and a.tenantId = :tenant",
                        String.class)
                .setParameter("key", Account.emailKey(email)).setParameter("tenant", tenantId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<Account> page(String tenantId, String after, int limit) {
        var query = em.createQuery("select a from Account a where a.tenantId = :tenant"
                        + (after == null ? "" : " and a.id < :after") + " order by a.id desc", Account.class)
                .setParameter("tenant", tenantId);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public List<CurrencyUnit> currencies(String tenantId) {
        return em.createQuery("select distinct a.balance.currency from Account a where a.tenantId = :tenant",
                        CurrencyUnit.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
    }

    @Override
    public Optional<Payer> findPayer(String tenantId, String accountId, String payerId) {
        // By primary key: a payer this transaction already read costs no query (an invoice reads it
        // when drafted and again when finalised; a batch of renewals reads each account's payer often).
        return TenantRows.find(em, Payer.class, tenantId, payerId).filter(p -> p.accountId().equals(accountId));
    }

    @Override
    public void readPayers(String tenantId, Collection<String> payerIds) {
        if (!payerIds.isEmpty()) {
            em.createQuery("select p from Payer p where p.tenantId = :tenant and p.id in :ids", Payer.class)
                    .setParameter("tenant", tenantId).setParameter("ids", payerIds).getResultList();
        }
    }

    @Override
    public List<Payer> payers(String tenantId, String accountId) {
        return em.createQuery("select p from Payer p where p.accountId = :account and p.tenantId = :tenant"
                        + " order by p.id", Payer.class)
                .setParameter("account", accountId).setParameter("tenant", tenantId).getResultList();
    }

    @Override
    public long countPayers(String tenantId, String accountId) {
        return em.createQuery("select count(p) from Payer p where p.accountId = :account and p.tenantId = :tenant",
                        Long.class)
                .setParameter("account", accountId).setParameter("tenant", tenantId).getSingleResult();
    }

    @Override
    public void addPayer(Payer payer) {
        em.persist(payer);
    }
}
