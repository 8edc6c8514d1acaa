package dev.kassa.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * What changeset {@code tenant-keys-1} promises, checked on any database (H2 in {@link
 * MigrationsH2Test}, PostgreSQL in {@code TenantKeysIT}): an invoice of one tenant cannot name
 * another tenant's account or payer, nor a webhook delivery another tenant's endpoint, while the
 * same rows with the tenant's own parents are written. Rows are written on the connection given,
 * in its transaction; the caller rolls back or throws the database away.
 */
final class TenantKeyChecks {
    /** A tenant's rows that invoices and deliveries may point at. */
    record Parents(String tenantId, String accountId, String payerId, String endpointId) {
    }

    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    private TenantKeyChecks() {
    }

    static void check(Connection c, Parents own, Parents other) throws SQLException {
        assertEquals(1, insertInvoice(c, "inv_tk_own", own.tenantId(), own.accountId(), own.payerId()));
        assertRefused(c, "fk_invoices_account",
                () -> insertInvoice(c, "inv_tk_acc", own.tenantId(), other.accountId(), own.payerId()));
        assertRefused(c, "fk_invoices_payer",
                () -> insertInvoice(c, "inv_tk_pay", own.tenantId(), own.accountId(), other.payerId()));

        assertEquals(1, insertDelivery(c, "whd_tk_own", own.tenantId(), own.endpointId()));
        assertRefused(c, "fk_webhook_deliveries_endpoint",
                () -> insertDelivery(c, "whd_tk_other", own.tenantId(), other.endpointId()));
    }

    private interface Insert {
        int run() throws SQLException;
    }

    /**
     * The insert fails on the named reference (not on a missing column or anything else). Each is
     * tried under a savepoint, as PostgreSQL refuses any further statement in a failed transaction.
     */
    private static void assertRefused(Connection c, String constraint, Insert insert) throws SQLException {
        var savepoint = c.setSavepoint();
        SQLException e = assertThrows(SQLException.class, insert::run);
        c.rollback(savepoint);
        assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("23"), e::toString);
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(constraint), e::toString);
    }

    private static int insertInvoice(Connection c, String id, String tenantId, String accountId, String payerId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into invoices (id, tenant_id, account_id, payer_id,"
                + " status, currency, net_minor, vat_minor, gross_minor, prices_include_vat, created_at)"
                + " values (?, ?, ?, ?, 'DRAFT', 'EUR', 0, 0, 0, false, ?)")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, accountId);
            ps.setString(4, payerId);
            ps.setTimestamp(5, NOW);
            return ps.executeUpdate();
        }
    }

    private static int insertDelivery(Connection c, String id, String tenantId, String endpointId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into webhook_deliveries (id, tenant_id, endpoint_id,"
                + " event_id, event_type, payload, status, tries, window_start, created_at, updated_at)"
                + " values (?, ?, ?, 'evt_tk', 'invoice.paid', '{}', 'PENDING', 0, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, endpointId);
            ps.setTimestamp(4, NOW);
            ps.setTimestamp(5, NOW);
            ps.setTimestamp(6, NOW);
            return ps.executeUpdate();
        }
    }
}
