package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.ledger.domain.CustomerPosting;
import dev.kassa.server.ledger.infrastructure.CustomerPostingStatement;
import dev.kassa.server.shared.Ids;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statement that posts a billing run's charges at once ({@link CustomerPostingStatement#postAllDebits}),
 * run on the PostgreSQL of a live server, on accounts made through the API, in a transaction of the
 * test's own: each account moves once by the sum of its debits and each posting keeps the balance
 * after it; when any account does not match or cover its debits, nothing at all is written.
 */
@ExtendWith(KassaExtension.class)
class BatchDebitsIT {

    @Test
    void debitsOfSeveralAccountsMoveEachOnceAndKeepTheBalanceAfterEach(Kassa kassa, EmbeddedDatabase database)
            throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String a = tenant.newAccount();
        tenant.fund(a, "20.00");
        String b = tenant.newAccount();
        tenant.fund(b, "5.00");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        try (Connection connection = connect(database)) {
            Optional<long[]> after = statement(connection).postAllDebits(tenant.id(), List.of(
                    debit(tenant.id(), a, 300, "first", now), debit(tenant.id(), b, 100, "other", now),
                    debit(tenant.id(), a, 400, "second", now)));
            connection.commit();
            assertArrayEquals(new long[] {1_700, 400, 1_300}, after.orElseThrow());
        }

        assertEquals("13.00", tenant.balance(a));
        assertEquals("4.00", tenant.balance(b));
        List<JsonObject> charges = tenant.api().get("accounts/" + a + "/transactions").items()
                .getValuesAs(JsonObject.class).stream().filter(t -> "CHARGE".equals(t.getString("type"))).toList();
        assertEquals(List.of("second", "first"), charges.stream().map(t -> t.getString("description")).toList());
        assertEquals(List.of("13.00", "17.00"), charges.stream()
                .map(t -> t.getJsonObject("balanceAfter").getString("amount")).toList());
        assertEquals(List.of("-4.00", "-3.00"), charges.stream()
                .map(t -> t.getJsonObject("amount").getString("amount")).toList());
        assertTrue(tenant.api().get("ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void oneAccountThatCannotPayLeavesEveryAccountUntouched(Kassa kassa, EmbeddedDatabase database) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        String rich = tenant.newAccount();
        tenant.fund(rich, "20.00");
        String poor = tenant.newAccount();
        tenant.fund(poor, "5.00");
        Kassa.Tenant other = kassa.newTenant();
        String foreign = other.newAccount();
        other.fund(foreign, "20.00");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        try (Connection connection = connect(database)) {
            CustomerPostingStatement statement = statement(connection);
            // 3.00 + 2.01 is one cent more than the 5.00 there is, though each alone is covered.
            assertTrue(statement.postAllDebits(tenant.id(), List.of(
                    debit(tenant.id(), rich, 100, "covered", now), debit(tenant.id(), poor, 300, "covered", now),
                    debit(tenant.id(), poor, 201, "one cent short", now))).isEmpty(), "refused");
            assertEquals(0, journalRows(connection, tenant.id()), "nothing written");
            // Another tenant's account is not found, even with the debit given as this tenant's.
            assertTrue(statement.postAllDebits(tenant.id(), List.of(
                    debit(tenant.id(), rich, 100, "covered", now),
                    debit(tenant.id(), foreign, 100, "not ours", now))).isEmpty(), "refused");
            assertEquals(0, journalRows(connection, tenant.id()), "nothing written");
            assertThrows(IllegalArgumentException.class, () -> statement.postAllDebits(tenant.id(), List.of(
                    new CustomerPosting(tenant.id(), rich, "EUR", 100, "sys:revenue:EUR", Ids.next("txn"), "CHARGE",
                            "a credit", null, Ids.next("jen"), Ids.next("jen"), now))));
            connection.commit();
        }

        assertEquals("20.00", tenant.balance(rich));
        assertEquals("5.00", tenant.balance(poor));
        assertEquals("20.00", other.balance(foreign));
        assertTrue(tenant.api().get("ledger/verify").object().getBoolean("balanced"));
        assertTrue(other.api().get("ledger/verify").object().getBoolean("balanced"));
    }

    private static CustomerPosting debit(String tenantId, String accountId, long minor, String description,
                                         Instant at) {
        return new CustomerPosting(tenantId, accountId, "EUR", -minor, "sys:revenue:EUR", Ids.next("txn"), "CHARGE",
                description, null, Ids.next("jen"), Ids.next("jen"), at);
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(KassaExtension.DATABASE), database.user(),
                database.password());
        connection.setAutoCommit(false);
        return connection;
    }

    /** The statement on this connection, as the server runs it on the connection of its JTA transaction. */
    private static CustomerPostingStatement statement(Connection connection) {
        EntityManager em = (EntityManager) Proxy.newProxyInstance(BatchDebitsIT.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new CustomerPostingStatement(em);
    }

    private static long journalRows(Connection connection, String tenantId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select (select count(*)"
                + " from journal_transactions where tenant_id = ? and type = 'CHARGE') + (select count(*)"
                + " from journal_entries e join journal_transactions t on t.id = e.transaction_id"
                + " where t.tenant_id = ? and t.type = 'CHARGE')")) {
            s.setString(1, tenantId);
            s.setString(2, tenantId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
