package dev.kassa.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changelogs on H2 in PostgreSQL mode; the in-memory database lives as long as the connection. */
class MigrationsH2Test {
    private static final String URL = "jdbc:h2:mem:mig"
            + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"; // as KassaDataSource builds it
    private static final List<String> TABLES = List.of("tenants", "accounts", "payers", "payment_method_configs",
            "top_ups", "bank_transfers", "journal_transactions", "journal_entries", "idempotency_keys",
            "tenant_api_keys");
    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    private Connection connection;

    @BeforeAll
    static void quietLiquibase() {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @BeforeEach
    void openFreshDatabase() throws SQLException {
        connection = DriverManager.getConnection(URL);
        try (Statement s = connection.createStatement()) {
            s.execute("drop all objects");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void createsEveryTable() throws SQLException {
        Migrations.run(connection);
        Set<String> tables = tables();
        for (String table : TABLES) {
            assertTrue(tables.contains(table), table + " missing from " + tables);
        }
    }

    @Test
    void runningTwiceIsANoOp() throws SQLException {
        Migrations.run(connection);
        Set<String> tables = tables();
        int changeSets = count("select count(*) from databasechangelog");
        insertTenant("ten_1");

        Migrations.run(connection);

        assertEquals(tables, tables());
        assertEquals(changeSets, count("select count(*) from databasechangelog"));
        assertEquals(1, count("select count(*) from tenants"));
    }

    @Test
    void recordsEveryChangeSetThatAppliesToH2() throws SQLException {
        Migrations.run(connection);
        Set<String> applied = strings("select id from databasechangelog");
        assertTrue(applied.containsAll(Set.of("tenant-1", "tenant-2-currencies", "account-1", "ledger-1",
                "ledger-3-conversions", "payment-1", "topup-1", "topup-2-conversions", "banktransfer-1",
                "banktransfer-2-credited-currency", "idempotency-1", "quote-1")), applied::toString);
        // ledger-2-append-only is PostgreSQL only (a plpgsql trigger).
        assertFalse(applied.contains("ledger-2-append-only"));
    }

    @Test
    void onConflictDoNothingSkipsADuplicateBankTransaction() throws SQLException {
        Migrations.run(connection);
        insertTenant("ten_1");
        insertTenant("ten_2");

        assertEquals(1, insertBankTransfer("btr_1", "ten_1", "BANK-TX-1"));
        assertEquals(0, insertBankTransfer("btr_2", "ten_1", "BANK-TX-1"));
        // The same bank transaction id is another transfer for another tenant.
        assertEquals(1, insertBankTransfer("btr_3", "ten_2", "BANK-TX-1"));

        assertEquals(Set.of("btr_1", "btr_3"), strings("select id from bank_transfers"));
    }

    @Test
    void bankTransfersNeedAnExistingTenant() throws SQLException {
        Migrations.run(connection);
        assertThrows(SQLException.class, () -> insertBankTransfer("btr_1", "ten_missing", "BANK-TX-1"));
    }

    @Test
    void invoicesAndDeliveriesPointOnlyAtTheirOwnTenantsRows() throws SQLException {
        Migrations.run(connection);
        connection.setAutoCommit(false);
        TenantKeyChecks.check(connection, parents("ten_1"), parents("ten_2"));
    }

    /** A tenant with an account, its payer and a webhook endpoint, all named after the tenant. */
    private TenantKeyChecks.Parents parents(String tenantId) throws SQLException {
        insertTenant(tenantId);
        execute("insert into accounts (id, tenant_id, reference, email, email_key, name, country, locale, currency,"
                + " balance_minor, created_at) values ('acc_" + tenantId + "', '" + tenantId + "', 'R" + tenantId
                + "', 'a@b.c', 'a@b.c', 'A', 'DE', 'de', 'EUR', 0, ?)");
        execute("insert into payers (id, tenant_id, account_id, type, name, country, created_at) values ('pay_"
                + tenantId + "', '" + tenantId + "', 'acc_" + tenantId + "', 'PERSON', 'P', 'DE', ?)");
        execute("insert into webhook_endpoints (id, tenant_id, url, events, sealed_secret, created_at) values ('whe_"
                + tenantId + "', '" + tenantId + "', 'https://example.com/hooks', '*', 'sealed', ?)");
        return new TenantKeyChecks.Parents(tenantId, "acc_" + tenantId, "pay_" + tenantId, "whe_" + tenantId);
    }

    private void execute(String sqlWithOneTimestamp) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sqlWithOneTimestamp)) {
            ps.setTimestamp(1, NOW);
            ps.executeUpdate();
        }
    }

    @Test
    void aBalanceCannotGoNegativeUnlessAReversalTookIt() throws SQLException {
        Migrations.run(connection);
        insertTenant("ten_1");
        String insert = "insert into accounts (id, tenant_id, reference, email, email_key, name, country, locale,"
                + " currency, balance_minor, created_at) values (?, 'ten_1', ?, 'a@b.c', ?, 'A', 'DE', 'de', 'EUR', ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            ps.setString(1, "acc_1");
            ps.setString(2, "AC00000001");
            ps.setString(3, "a@b.c");
            ps.setLong(4, 0);
            ps.setTimestamp(5, NOW);
            assertEquals(1, ps.executeUpdate());
            ps.setString(1, "acc_2");
            ps.setString(2, "AC00000002");
            ps.setString(3, "b@b.c");
            ps.setLong(4, -1);
            assertThrows(SQLException.class, ps::executeUpdate);
        }
        // Only as deep as a reversal took it: the deficit it recorded, no deeper.
        try (Statement st = connection.createStatement()) {
            assertEquals(1, st.executeUpdate("update accounts set balance_minor = -500, reversal_deficit_minor = 500"
                    + " where id = 'acc_1'"));
            assertEquals(1, st.executeUpdate("update accounts set balance_minor = -200 where id = 'acc_1'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("update accounts set balance_minor = -501"
                    + " where id = 'acc_1'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("update accounts set reversal_deficit_minor = -1"
                    + " where id = 'acc_1'"));
        }
    }

    @Test
    @SuppressWarnings("deprecation") // the Liquibase facade is the stable API of the 4.x line
    void aTenantsSingleKeyMovesToTheKeysTableAndKeepsWorking() throws Exception {
        // The schema as it stood before tenants could hold several keys: tenant-1 and tenant-2.
        new liquibase.Liquibase(Migrations.CHANGELOG, new liquibase.resource.ClassLoaderResourceAccessor(
                        Migrations.class.getClassLoader()),
                liquibase.database.DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                        new liquibase.database.jvm.JdbcConnection(connection)))
                .update(2, new liquibase.Contexts(), new liquibase.LabelExpression());
        String sql = "insert into tenants (id, slug, name, base_currency, default_locale, locales, api_key_hash,"
                + " top_up_minimum_minor, top_up_maximum_minor, top_up_presets, created_at)"
                + " values ('ten_01M8451DQ7DKP2FTSWKBWBZFDW', 'old', 'Old', 'EUR', 'en', 'en', 'digest-of-the-old-key',"
                + " 50, 1500000, '10000', ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setTimestamp(1, NOW);
            ps.executeUpdate();
        }

        Migrations.run(connection);

        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select id, tenant_id, key_hash, prefix, last4, revoked_at from tenant_api_keys")) {
            assertTrue(r.next());
            assertEquals("key_01M8451DQ7DKP2FTSWKBWBZFDW", r.getString(1));
            assertEquals("ten_01M8451DQ7DKP2FTSWKBWBZFDW", r.getString(2));
            assertEquals("digest-of-the-old-key", r.getString(3));
            assertEquals("ksk_", r.getString(4));
            assertEquals("", r.getString(5));
            assertEquals(null, r.getTimestamp(6));
            assertFalse(r.next());
        }
        assertFalse(columns("tenants").contains("api_key_hash"));
    }

    private Set<String> columns(String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet r = connection.getMetaData().getColumns(null, null, null, null)) {
            while (r.next()) {
                if (r.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    out.add(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    private void insertTenant(String id) throws SQLException {
        String sql = "insert into tenants (id, slug, name, base_currency, default_locale, locales,"
                + " top_up_minimum_minor, top_up_maximum_minor, top_up_presets, created_at)"
                + " values (?, ?, 'Test', 'EUR', 'en', 'en', 50, 1500000, '10000,20000', ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, "slug-" + id);
            ps.setTimestamp(3, NOW);
            ps.executeUpdate();
        }
    }

    /** The statement BankTransferService relies on to claim a bank transaction id. */
    private int insertBankTransfer(String id, String tenantId, String bankTransactionId) throws SQLException {
        String sql = "insert into bank_transfers (id, tenant_id, bank_transaction_id, reference, amount_minor, currency,"
                + " payer_name, received_at, status, account_id, top_up_id, credited_minor, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, bankTransactionId);
            ps.setString(4, "TU7K2M9QXD");
            ps.setLong(5, 1250);
            ps.setString(6, "EUR");
            ps.setString(7, "Ada Lovelace");
            ps.setTimestamp(8, NOW);
            ps.setString(9, "UNMATCHED");
            ps.setString(10, null);
            ps.setString(11, null);
            ps.setObject(12, null);
            ps.setTimestamp(13, NOW);
            return ps.executeUpdate();
        }
    }

    private Set<String> tables() throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private int count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
