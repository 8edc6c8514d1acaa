package dev.kassa.server.mail.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox changelog and the claim of {@link JpaOutboxRepository} on H2 in PostgreSQL mode (the
 * database of {@code ./kassa run}), with two connections standing for two nodes; the integration
 * tests run it on PostgreSQL.
 */
class OutboxClaimH2Test {
    private static final String URL = "jdbc:h2:mem:outbox;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private Connection node1;
    private Connection node2;

    @BeforeAll
    static void quietLiquibase() {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @BeforeEach
    void migrate() throws SQLException {
        node1 = DriverManager.getConnection(URL);
        try (Statement s = node1.createStatement()) {
            s.execute("drop all objects");
        }
        Migrations.run(node1);
        try (Statement s = node1.createStatement()) {
            s.executeUpdate("insert into tenants (id, slug, name, base_currency, default_locale, locales,"
                    + " top_up_minimum_minor, top_up_maximum_minor, top_up_presets, created_at)"
                    + " values ('ten_1', 'one', 'One', 'EUR', 'en', 'en', 50, 1500000, '10000', current_timestamp)");
        }
        node2 = DriverManager.getConnection(URL);
    }

    @AfterEach
    void close() throws SQLException {
        node2.close();
        node1.close();
    }

    @Test
    void theOldestDueMailIsTakenAndAMailAnotherNodeHoldsIsSkipped() throws SQLException {
        insert("eml_A", "PENDING", NOW.minusSeconds(30));
        insert("eml_B", "PENDING", NOW.minusSeconds(20));
        insert("eml_C", "PENDING", NOW.plusSeconds(60)); // not due yet
        insert("eml_D", "SENT", NOW.minusSeconds(90));
        node1.setAutoCommit(false);
        node2.setAutoCommit(false);

        assertEquals(List.of("eml_A"), nextDue(node1));
        // H2 applies the limit before it skips locked rows, so a second node finds nothing this round
        // (PostgreSQL skips first and hands it eml_B; MailIT runs two nodes there). Either way it does
        // not wait for, or take, the mail node 1 holds.
        assertEquals(List.of(), nextDue(node2), "node 2 skips the mail node 1 holds, without waiting");

        try (PreparedStatement lease = node1.prepareStatement(
                "update mail_outbox set next_attempt_at = ?, tries = tries + 1 where id = 'eml_A'")) {
            lease.setTimestamp(1, Timestamp.from(NOW.plusSeconds(600)));
            lease.executeUpdate();
        }
        node1.commit();
        node2.rollback();
        assertEquals(List.of("eml_B"), nextDue(node2), "once node 1's claim committed, eml_A is no longer due");
        node2.rollback();
    }

    private List<String> nextDue(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(JpaOutboxRepository.NEXT_DUE.replaceAll("\\?\\d+", "?"))) {
            ps.setTimestamp(1, Timestamp.from(NOW));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private void insert(String id, String status, Instant nextAttemptAt) throws SQLException {
        try (PreparedStatement ps = node1.prepareStatement("insert into mail_outbox (id, tenant_id, kind, recipient,"
                + " from_name, subject, text_body, status, tries, next_attempt_at, created_at, updated_at)"
                + " values (?, 'ten_1', 'topup.paid', 'c@example.com', 'One', 'Paid', 'Hello', ?, 0, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, status);
            ps.setTimestamp(3, status.equals("PENDING") ? Timestamp.from(nextAttemptAt) : null);
            ps.setTimestamp(4, Timestamp.from(NOW));
            ps.setTimestamp(5, Timestamp.from(NOW));
            ps.executeUpdate();
        }
    }
}
