package dev.kassa.server.ledger.infrastructure;

import dev.kassa.server.ledger.domain.CustomerPosting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PessimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A two-leg posting on a customer account as one PostgreSQL statement: the stored balance moves,
 * the journal transaction and both entries are written, or nothing happens. It replaces four round
 * trips (lock, update, two inserts) with one, and holds the account's row lock for one statement
 * plus the commit, which is what bounds the rate on a single busy account.
 *
 * <p>A billing run's batch, which holds its accounts' locks, posts all its charges in one statement
 * of the same kind ({@link #postAllDebits}).
 *
 * <p>H2 has no data-modifying CTEs, so there {@link #post} and {@link #postAllDebits} do nothing and
 * answer empty; the ledger then takes its locked JPA path, which works on both databases. This
 * class is the one place that tells them apart.
 */
@ApplicationScoped
public class CustomerPostingStatement {
    /*
     * The update's WHERE is the guard: another tenant's account, another currency or a debit that
     * would take the balance below zero match no row (a credit always matches: a balance a reversal
     * took below zero takes money in like any other), and the inserts select from that row, so they insert nothing
     * either. Under concurrency the update waits for the row lock and re-checks the WHERE on the
     * newest balance (read committed), so two debits can never both pass on one balance.
     */
    private static final String SQL = """
            with moved as (
              update accounts set balance_minor = balance_minor + ?
              where id = ? and tenant_id = ? and currency = ? and (? >= 0 or balance_minor + ? >= 0)
              returning balance_minor),
            header as (
              insert into journal_transactions (id, tenant_id, type, description, reference, created_at)
              select ?, ?, ?, ?, ?, cast(? as timestamp with time zone) from moved),
            legs as (
              insert into journal_entries (id, tenant_id, transaction_id, ledger_account, currency, amount_minor,
                                           balance_after_minor, created_at)
              select leg.id, ?, ?, leg.ledger_account, ?, leg.amount_minor,
                     case when leg.customer then moved.balance_minor end, cast(? as timestamp with time zone)
              from moved cross join (values (?, ?, cast(? as bigint), true), (?, ?, cast(? as bigint), false))
                as leg (id, ledger_account, amount_minor, customer))
            select balance_minor from moved""";

    /*
     * Many debits in one statement, for a caller that holds the accounts' locks (a billing run's
     * batch). The postings come in as arrays, so the text is the same for any number of them and is
     * prepared once. The balance moves once per account, by the sum of its debits; each posting's
     * balance after is the new balance plus the debits that follow it on that account. Debits only,
     * so the final balance not below zero means no posting took it below zero on the way. Either
     * every account matches or nothing is written: "ready" counts the accounts that would move
     * before any row is touched; under the caller's locks no other transaction can change that
     * between the count and the update, and the caller checks the rows returned all the same.
     */
    private static final String ALL_DEBITS = """
            with d as (
              select * from unnest(cast(? as int[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[]),
                                   cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                   cast(? as text[]), cast(? as text[]), cast(? as text[]))
                as d (ord, account_id, currency, delta, system_account, tx, type, description, reference,
                      customer_entry, system_entry)),
            totals as (
              select account_id, currency, sum(delta) as total from d group by account_id, currency),
            ready as (
              select count(*) = (select count(*) from totals) and bool_and(t.total < 0) as ok
              from accounts a join totals t on a.id = t.account_id and a.currency = t.currency
              where a.tenant_id = ? and a.balance_minor + t.total >= 0),
            moved as (
              update accounts a set balance_minor = a.balance_minor + t.total
              from totals t
              where a.id = t.account_id and a.currency = t.currency and a.tenant_id = ?
                and a.balance_minor + t.total >= 0 and (select ok from ready)
              returning a.id, a.balance_minor),
            running as (
              select d.*, m.balance_minor - coalesce(sum(d.delta) over (partition by d.account_id order by d.ord
                       rows between 1 following and unbounded following), 0) as balance_after
              from d join moved m on m.id = d.account_id),
            header as (
              insert into journal_transactions (id, tenant_id, type, description, reference, created_at)
              select tx, ?, type, description, reference, cast(? as timestamp with time zone) from running),
            legs as (
              insert into journal_entries (id, tenant_id, transaction_id, ledger_account, currency, amount_minor,
                                           balance_after_minor, created_at)
              select leg.id, ?, r.tx, leg.ledger_account, r.currency, leg.amount_minor, leg.balance_after,
                     cast(? as timestamp with time zone)
              from running r cross join lateral (values
                (r.customer_entry, r.account_id, -r.delta, r.balance_after),
                (r.system_entry, r.system_account, r.delta, cast(null as bigint)))
                as leg (id, ledger_account, amount_minor, balance_after))
            select ord, balance_after from running order by ord""";

    private EntityManager em;
    /** Null until the first posting has looked at the database. */
    private volatile Boolean postgres;

    protected CustomerPostingStatement() {
    }

    @Inject
    public CustomerPostingStatement(EntityManager em) {
        this.em = em;
    }

    /**
     * Posts in the caller's transaction. The customer entry is {@code -customerDelta} with the new
     * balance beside it, the system entry {@code +customerDelta}. Empty when nothing was written: on
     * H2, or when no account matched (unknown, another currency, or a debit the balance does not
     * cover).
     */
    public OptionalLong post(CustomerPosting p) {
        if (Boolean.FALSE.equals(postgres)) {
            return OptionalLong.empty();
        }
        // The connection of the current JTA transaction, the one EclipseLink writes on: not ours to close.
        Connection connection = em.unwrap(Connection.class);
        try {
            if (!isPostgres(connection)) {
                return OptionalLong.empty();
            }
            OffsetDateTime at = p.createdAt().atOffset(ZoneOffset.UTC);
            try (PreparedStatement s = connection.prepareStatement(SQL)) {
                int i = 0;
                s.setLong(++i, p.customerDelta());
                s.setString(++i, p.accountId());
                s.setString(++i, p.tenantId());
                s.setString(++i, p.currency());
                s.setLong(++i, p.customerDelta());
                s.setLong(++i, p.customerDelta());
                s.setString(++i, p.transactionId());
                s.setString(++i, p.tenantId());
                s.setString(++i, p.type());
                s.setString(++i, p.description());
                s.setString(++i, p.reference());
                s.setObject(++i, at);
                s.setString(++i, p.tenantId());
                s.setString(++i, p.transactionId());
                s.setString(++i, p.currency());
                s.setObject(++i, at);
                s.setString(++i, p.customerEntryId());
                s.setString(++i, p.accountId());
                s.setLong(++i, -p.customerDelta());
                s.setString(++i, p.systemEntryId());
                s.setString(++i, p.systemLedgerAccount());
                s.setLong(++i, p.customerDelta());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        } catch (SQLException e) {
            throw failed(e, "to " + p.accountId());
        }
    }

    /**
     * Debits of one tenant's customer accounts (every {@code customerDelta} negative), all at the
     * same instant, in one statement and the caller's transaction; the caller holds the accounts'
     * locks. Each account's balance moves by the sum of its debits, and each posting's balance after
     * is the balance after it in the order given. Empty, with nothing written, on H2 or when any
     * account does not match (unknown, another tenant's or currency) or does not cover its debits.
     *
     * @return the balance after each posting, in the order given
     */
    public Optional<long[]> postAllDebits(String tenantId, List<CustomerPosting> postings) {
        if (postings.isEmpty()) {
            return Optional.of(new long[0]);
        }
        if (Boolean.FALSE.equals(postgres)) {
            return Optional.empty();
        }
        Instant at = postings.get(0).createdAt();
        int n = postings.size();
        Integer[] ord = new Integer[n];
        String[] account = new String[n];
        String[] currency = new String[n];
        Long[] delta = new Long[n];
        String[] system = new String[n];
        String[] tx = new String[n];
        String[] type = new String[n];
        String[] description = new String[n];
        String[] reference = new String[n];
        String[] customerEntry = new String[n];
        String[] systemEntry = new String[n];
        for (int i = 0; i < n; i++) {
            CustomerPosting p = postings.get(i);
            if (!p.tenantId().equals(tenantId) || p.customerDelta() >= 0 || !p.createdAt().equals(at)) {
                throw new IllegalArgumentException("postAllDebits takes debits of tenant " + tenantId
                        + " made at one instant: " + p);
            }
            ord[i] = i;
            account[i] = p.accountId();
            currency[i] = p.currency();
            delta[i] = p.customerDelta();
            system[i] = p.systemLedgerAccount();
            tx[i] = p.transactionId();
            type[i] = p.type();
            description[i] = p.description();
            reference[i] = p.reference();
            customerEntry[i] = p.customerEntryId();
            systemEntry[i] = p.systemEntryId();
        }
        Connection connection = em.unwrap(Connection.class);
        try {
            if (!isPostgres(connection)) {
                return Optional.empty();
            }
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            try (PreparedStatement s = connection.prepareStatement(ALL_DEBITS)) {
                int i = 0;
                s.setArray(++i, connection.createArrayOf("int4", ord));
                s.setArray(++i, connection.createArrayOf("text", account));
                s.setArray(++i, connection.createArrayOf("text", currency));
                s.setArray(++i, connection.createArrayOf("int8", delta));
                s.setArray(++i, connection.createArrayOf("text", system));
                s.setArray(++i, connection.createArrayOf("text", tx));
                s.setArray(++i, connection.createArrayOf("text", type));
                s.setArray(++i, connection.createArrayOf("text", description));
                s.setArray(++i, connection.createArrayOf("text", reference));
                s.setArray(++i, connection.createArrayOf("text", customerEntry));
                s.setArray(++i, connection.createArrayOf("text", systemEntry));
                s.setString(++i, tenantId);
                s.setString(++i, tenantId);
                s.setString(++i, tenantId);
                s.setObject(++i, when);
                s.setString(++i, tenantId);
                s.setObject(++i, when);
                long[] after = new long[n];
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int ordinal = rs.getInt(1);
                        if (ordinal != rows) {
                            throw new IllegalStateException("posting " + ordinal + " came back out of order");
                        }
                        after[rows++] = rs.getLong(2);
                    }
                }
                if (rows == 0) {
                    return Optional.empty();
                }
                if (rows != n) {
                    // Only a change under the caller's feet can get here (its locks forbid one): the
                    // accounts that matched have moved, so the transaction must not commit.
                    throw new IllegalStateException(rows + " of " + n
                            + " debits were posted; the caller must roll back");
                }
                return Optional.of(after);
            }
        } catch (SQLException e) {
            throw failed(e, postings.size() + " debits of tenant " + tenantId);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    private static RuntimeException failed(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("40") || state.equals("55P03")) {
            // Deadlock or lock timeout: a conflict the client may retry (409), as on the JPA path.
            return new PessimisticLockException(e.getMessage(), e);
        }
        return new IllegalStateException("posting " + what + " failed", e);
    }
}
