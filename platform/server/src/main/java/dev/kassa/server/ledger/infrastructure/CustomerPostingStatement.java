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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * A two-leg posting on a customer account as one PostgreSQL statement: the stored balance moves,
 * the journal transaction and both entries are written, or nothing happens. It replaces four round
 * trips (lock, update, two inserts) with one, and holds the account's row lock for one statement
 * plus the commit, which is what bounds the rate on a single busy account.
 *
 * <p>H2 has no data-modifying CTEs, so there {@link #post} does nothing and answers empty; the
 * ledger then takes its locked JPA path, which works on both databases. This class is the one
 * place that tells them apart.
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
            if (postgres == null) {
                postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
                if (!postgres) {
                    return OptionalLong.empty();
                }
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
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("40") || state.equals("55P03")) {
                // Deadlock or lock timeout: a conflict the client may retry (409), as on the JPA path.
                throw new PessimisticLockException(e.getMessage(), e);
            }
            throw new IllegalStateException("posting to " + p.accountId() + " failed", e);
        }
    }
}
