package dev.kassa.server.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.db.KassaDataSource;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.ledger.application.LedgerVerifier;
import dev.kassa.server.ledger.domain.JournalEntry;
import dev.kassa.server.ledger.domain.JournalTransaction;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger's persistence inside the real container: CDI beans, JTA transactions, EclipseLink and
 * the Liquibase schema on H2, with the application deployed as built. Everything else is tested over
 * HTTP; this is the one place that needs to look at rows and transactions from the inside.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerPersistenceIT {
    private static final CurrencyUnit EUR = CurrencyRegistry.iso4217().require("EUR");

    @Deployment
    static WebArchive deployment() {
        File war = new File(System.getProperty("kassa.server.war", "target/kassa.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClass(LedgerPersistenceIT.class);
    }

    @Inject
    TenantService tenants;
    @Inject
    AccountService accountService;
    @Inject
    AccountRepository accounts;
    @Inject
    Ledger ledger;
    @Inject
    BalanceService balances;
    @Inject
    LedgerVerifier verifier;
    @Inject
    EntityManager em;
    @Inject
    UserTransaction tx;

    @Test
    void runsOnTheH2FileInTheDataDirectoryTheBuildGaveIt() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup("java:app/jdbc/kassa");
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            assertTrue(url.startsWith("jdbc:h2:file:"), url);
            assertTrue(KassaDataSource.configuredUrl().startsWith(url), () -> KassaDataSource.configuredUrl() + " / "
                    + url);
        }
        String dataDir = System.getProperty("KASSA_DATA_DIR");
        assertTrue(dataDir != null && KassaDataSource.configuredUrl().startsWith(
                "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize().resolve("kassa") + ";"),
                KassaDataSource.configuredUrl());
    }

    @Test
    void aCreditThenADebitInOneTransactionLeaveTheStoredBalanceEqualToTheJournal() throws Exception {
        String tenant = newTenant();
        Account account = newAccount(tenant);

        inTransaction(() -> {
            Account locked = accounts.lock(tenant, account.id());
            ledger.credit(locked, eur(10_000), SystemAccount.BANK_CLEARING, TransactionType.TOP_UP, "top-up", "TOP-1");
            return ledger.debit(locked, eur(3_050), SystemAccount.REVENUE, TransactionType.CHARGE, "VPS November",
                    null);
        });

        assertEquals(eur(6_950), accountService.get(tenant, account.id()).balance());
        assertEquals(-6_950, customerJournalSum(account.id()));
        List<Long> balancesAfter = em.createQuery("select e.balanceAfterMinor from JournalEntry e"
                + " where e.ledgerAccount = :account order by e.id", Long.class)
                .setParameter("account", account.id()).getResultList();
        assertEquals(List.of(10_000L, 6_950L), balancesAfter);
        assertEquals(2, count("JournalTransaction", tenant));
        assertEquals(4, count("JournalEntry", tenant));
        LedgerVerifier.Report report = verifier.verify(tenant);
        assertTrue(report.balanced(), report::toString);
        assertEquals(4, report.entries());
    }

    @Test
    void aDebitBeyondTheBalanceRollsBackEverythingItsTransactionDid() throws Exception {
        String tenant = newTenant();
        Account account = newAccount(tenant);

        tx.begin();
        try {
            Account locked = accounts.lock(tenant, account.id());
            ledger.credit(locked, eur(5_000), SystemAccount.BANK_CLEARING, TransactionType.TOP_UP, "top-up", null);
            KassaException refused = assertThrows(KassaException.class, () -> ledger.debit(locked, eur(8_000),
                    SystemAccount.REVENUE, TransactionType.CHARGE, "too much", null));
            assertEquals("balance.insufficient", refused.code());
            assertEquals(409, refused.status());
        } finally {
            tx.rollback();
        }

        assertEquals(eur(0), accountService.get(tenant, account.id()).balance());
        assertEquals(0, count("JournalTransaction", tenant));
        assertEquals(0, count("JournalEntry", tenant));
        assertTrue(verifier.verify(tenant).balanced());
    }

    @Test
    void aRefusedChargeThroughTheServiceChangesNothingThatWasCommitted() throws Exception {
        String tenant = newTenant();
        Account account = newAccount(tenant);
        balances.adjust(tenant, account.id(), eur(2_000), BalanceService.Direction.CREDIT, "goodwill");

        KassaException refused = assertThrows(KassaException.class,
                () -> balances.charge(tenant, account.id(), eur(2_001), "one cent too much"));

        assertEquals("balance.insufficient", refused.code());
        assertEquals(eur(2_000), accountService.get(tenant, account.id()).balance());
        assertEquals(-2_000, customerJournalSum(account.id()));
        assertEquals(1, count("JournalTransaction", tenant));
        assertEquals(2, count("JournalEntry", tenant));
        assertTrue(verifier.verify(tenant).balanced());
    }

    @Test
    void journalRowsReadBackExactlyAsPosted() throws Exception {
        String tenant = newTenant();
        Account account = newAccount(tenant);

        Ledger.Posting posting = inTransaction(() -> ledger.credit(accounts.lock(tenant, account.id()), eur(1_234),
                SystemAccount.BANK_CLEARING, TransactionType.BANK_TRANSFER, "Bank transfer", "KA-REF-1"));

        // A new transaction-scoped persistence context and no shared cache: these are read from the database.
        JournalTransaction stored = em.find(JournalTransaction.class, posting.transactionId());
        assertEquals(TransactionType.BANK_TRANSFER, stored.type());
        assertEquals("Bank transfer", stored.description());
        assertEquals("KA-REF-1", stored.reference());
        assertEquals(posting.createdAt(), stored.createdAt());
        List<JournalEntry> entries = entriesOf(posting.transactionId());
        assertEquals(2, entries.size());
        JournalEntry customer = entries.get(0);
        assertEquals(account.id(), customer.ledgerAccount());
        assertEquals(eur(-1_234), customer.amount());
        assertEquals(1_234L, customer.balanceAfterMinor());
        assertEquals(posting.createdAt(), entryCreatedAt(customer.id()));
        JournalEntry bank = entries.get(1);
        assertEquals("sys:bank_clearing:EUR", bank.ledgerAccount());
        assertEquals(eur(1_234), bank.amount());
        assertNull(bank.balanceAfterMinor());
        assertEquals(posting.transactionId(), bank.transactionId());

        // Microseconds survive the round trip (the clock ticks in them; this instant is fixed to be sure).
        Instant precise = Instant.parse("2026-03-04T05:06:07.123456Z");
        JournalTransaction move = new JournalTransaction(Ids.next("txn"), tenant, TransactionType.ADJUSTMENT,
                "precision", null, precise);
        String entryId = Ids.next("jen");
        inTransaction(() -> {
            em.persist(move);
            em.persist(new JournalEntry(entryId, tenant, move, SystemAccount.ADJUSTMENTS.ledgerAccount(EUR), eur(1),
                    null, precise));
            em.persist(new JournalEntry(Ids.next("jen"), tenant, move, SystemAccount.UNALLOCATED.ledgerAccount(EUR),
                    eur(-1), null, precise));
            return move;
        });

        assertEquals(precise, em.find(JournalTransaction.class, move.id()).createdAt());
        assertEquals(precise, entryCreatedAt(entryId));
        assertTrue(verifier.verify(tenant).balanced());
    }

    interface Work<T> {
        T run() throws Exception;
    }

    /** Commits, or rolls back on any failure so that no transaction stays on the container's thread. */
    private <T> T inTransaction(Work<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.run();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
            throw e;
        }
    }

    private String newTenant() {
        String slug = "ledger-" + UUID.randomUUID().toString().substring(0, 12);
        return tenants.create(slug, "Ledger " + slug, EUR, "en", List.of("en")).tenant().id();
    }

    private Account newAccount(String tenantId) {
        String email = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "@example.com";
        return accountService.create(tenantId,
                new AccountService.NewAccount(email, "Ada", "DE", null, null));
    }

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    private long customerJournalSum(String accountId) {
        // The type of SUM(bigint) differs between databases (H2: NUMERIC).
        Number sum = em.createQuery("select coalesce(sum(e.amount.minor), 0) from JournalEntry e"
                + " where e.ledgerAccount = :account", Number.class)
                .setParameter("account", accountId).getSingleResult();
        return sum.longValue();
    }

    private long count(String entity, String tenantId) {
        return em.createQuery("select count(x) from " + entity + " x where x.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    /** The customer leg ({@code acc_...}) before the system leg ({@code sys:...}). */
    private List<JournalEntry> entriesOf(String transactionId) {
        return em.createQuery("select e from JournalEntry e where e.transactionId = :tx"
                + " order by e.ledgerAccount", JournalEntry.class)
                .setParameter("tx", transactionId).getResultList();
    }

    private Instant entryCreatedAt(String entryId) {
        return em.createQuery("select e.createdAt from JournalEntry e where e.id = :id", Instant.class)
                .setParameter("id", entryId).getSingleResult();
    }
}
