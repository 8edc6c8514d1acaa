package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.db.Migrations;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exchange_rates changelog and the statements of {@link JpaExchangeRates}, run through plain
 * JDBC on H2 in PostgreSQL mode (the integration tests run them through JPA on PostgreSQL).
 */
class ExchangeRatesH2Test {
    private static final String URL = "jdbc:h2:mem:rates;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    private Connection connection;

    @BeforeAll
    static void quietLiquibase() {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @BeforeEach
    void migrate() throws SQLException {
        connection = DriverManager.getConnection(URL);
        try (Statement s = connection.createStatement()) {
            s.execute("drop all objects");
        }
        Migrations.run(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aTableIsInsertedOnceAndASecondInsertOfItDoesNothing() throws SQLException {
        Map<String, String> rates = Map.of("USD", "1.1097", "JPY", "162.17", "GBP", "0.84163");

        assertEquals(3, insert("ecb", "2025-04-03", rates));
        assertEquals(0, insert("ecb", "2025-04-03", rates));
        // a partly stored date: only the missing row goes in (the import service skips such dates before)
        assertEquals(1, insert("ecb", "2025-04-03", Map.of("USD", "9", "CHF", "0.9526")));
        // the same date of another source is another table
        assertEquals(1, insert("other", "2025-04-03", Map.of("USD", "1.11")));

        assertEquals(Map.of("USD", "1.1097", "JPY", "162.17", "GBP", "0.84163", "CHF", "0.9526"),
                rows(JpaExchangeRates.BETWEEN, "ecb", "2025-04-03", "2025-04-03").get(LocalDate.of(2025, 4, 3)));
    }

    @Test
    void theTableInForceIsTheLatestOnOrBeforeTheDate() throws SQLException {
        insert("ecb", "2025-04-03", Map.of("USD", "1.1097"));
        insert("ecb", "2025-04-04", Map.of("USD", "1.1057"));
        insert("other", "2025-04-05", Map.of("USD", "1.2"));

        assertEquals(Map.of(), rows(JpaExchangeRates.IN_FORCE, "ecb", "ecb", "2025-04-02"));
        assertEquals(Map.of(LocalDate.of(2025, 4, 3), Map.of("USD", "1.1097")),
                rows(JpaExchangeRates.IN_FORCE, "ecb", "ecb", "2025-04-03"));
        assertEquals(Map.of(LocalDate.of(2025, 4, 4), Map.of("USD", "1.1057")),
                rows(JpaExchangeRates.IN_FORCE, "ecb", "ecb", "2025-04-06"));
    }

    @Test
    void tablesBetweenTwoDatesComeOldestFirst() throws SQLException {
        insert("ecb", "2025-04-04", Map.of("USD", "1.1057"));
        insert("ecb", "2025-04-02", Map.of("USD", "1.0794"));
        insert("ecb", "2025-04-03", Map.of("USD", "1.1097"));

        Map<LocalDate, Map<String, String>> tables = rows(JpaExchangeRates.BETWEEN, "ecb", "2025-04-03", "2025-04-04");

        assertEquals(List.of(LocalDate.of(2025, 4, 3), LocalDate.of(2025, 4, 4)), List.copyOf(tables.keySet()));
    }

    @Test
    void everyRateTheEcbSourceAcceptsIsStoredExactly() throws SQLException {
        insert("ecb", "2025-04-03", Map.of("USD", "123456789012345.123456789012345", "JPY", "0.000000000000001",
                "PLN", "4.1960", "KRW", "1500"));

        Map<String, String> stored = rows(JpaExchangeRates.BETWEEN, "ecb", "2025-04-03", "2025-04-03")
                .get(LocalDate.of(2025, 4, 3));

        assertEquals("123456789012345.123456789012345", stored.get("USD"));
        assertEquals("0.000000000000001", stored.get("JPY"));
        assertEquals("4.196", stored.get("PLN")); // without the padding: the same value however it was published
        assertEquals("1500", stored.get("KRW"));
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(SQLException.class, () -> insert("ecb", "2025-04-03", Map.of("USD", "0")));
        assertThrows(SQLException.class, () -> insert("ecb", "2025-04-03", Map.of("USD", "-1.1")));
    }

    @Test
    void theInsertStatementHasFiveParametersPerRow() {
        String sql = JpaExchangeRates.insertSql(2);

        assertTrue(sql.endsWith("(?6, ?7, ?8, ?9, ?10) on conflict do nothing"), sql);
    }

    private int insert(String source, String date, Map<String, String> rates) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(jdbc(JpaExchangeRates.insertSql(rates.size())))) {
            int p = 1;
            for (Map.Entry<String, String> rate : new TreeMap<>(rates).entrySet()) {
                ps.setString(p++, source);
                ps.setDate(p++, java.sql.Date.valueOf(date));
                ps.setString(p++, rate.getKey());
                ps.setBigDecimal(p++, new BigDecimal(rate.getValue()));
                ps.setTimestamp(p++, NOW);
            }
            return ps.executeUpdate();
        }
    }

    /** Rows by date then currency, rates as JpaExchangeRates gives them back. */
    private Map<LocalDate, Map<String, String>> rows(String sql, String... parameters) throws SQLException {
        Map<LocalDate, Map<String, String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(jdbc(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].matches("\\d{4}-\\d{2}-\\d{2}")) {
                    ps.setDate(i + 1, java.sql.Date.valueOf(parameters[i]));
                } else {
                    ps.setString(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(JpaExchangeRates.toDate(rs.getObject(1)), d -> new TreeMap<>())
                            .put(rs.getString(2).strip(), JpaExchangeRates.plain(rs.getBigDecimal(3)).toPlainString());
                }
            }
        }
        return out;
    }

    /** JPA's numbered parameters in order of appearance, as JDBC's plain ones. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }
}
