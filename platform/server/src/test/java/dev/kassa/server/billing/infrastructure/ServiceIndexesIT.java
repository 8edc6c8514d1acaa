package dev.kassa.server.billing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The indexes of {@code services} on columns that are empty for nearly every service are partial on
 * PostgreSQL (changeset {@code billing-partial-indexes-1}), and the queries that need them still
 * read them: the billing run's suspension and termination claims, and the services awaiting an
 * invoice, over 5,000 services of which a few have a value, as a hosting provider's table looks.
 * The suspension claim and the services awaiting an invoice are planned generically, as the server
 * may run them after a few executions (a parameter, not a value: the planner must prove from the
 * query alone that it never needs a row with an empty column). The termination claim is planned
 * for its value: generically, PostgreSQL guesses that a third of the services are due and reads
 * them all in id order instead, with full indexes as with partial ones.
 *
 * <p>And the renewal and suspension claims read their index in order whatever the statistics say
 * ({@link JpaServiceRepository#CLAIM_IN_INDEX_ORDER}).
 */
@ExtendWith(KassaExtension.class)
class ServiceIndexesIT {

    @Test
    void theIndexesOfEmptyColumnsHoldOnlyTheRowsWithAValue(EmbeddedDatabase database) throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        try (Connection c = connect(database);
             ResultSet rs = c.createStatement().executeQuery(
                     "select indexname, indexdef from pg_indexes where tablename = 'services'")) {
            while (rs.next()) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        }
        assertEquals("(suspend_at, id) WHERE (suspend_at IS NOT NULL)", columns(definitions, "ix_services_suspend"));
        assertEquals("(terminate_at) WHERE (terminate_at IS NOT NULL)", columns(definitions, "ix_services_terminate"));
        assertEquals("(cancel_at) WHERE (cancel_at IS NOT NULL)", columns(definitions, "ix_services_cancel"));
        assertEquals("(tenant_id, unpaid_invoice_id) WHERE (unpaid_invoice_id IS NOT NULL)",
                columns(definitions, "ix_services_unpaid_invoice"));
        // next_renewal_at is never empty: the renewals' claim keeps its full index.
        assertEquals("(status, next_renewal_at, id)", columns(definitions, "ix_services_renewal"));
    }

    @Test
    void theClaimsAndTheServicesAwaitingAnInvoiceReadThePartialIndexes(Kassa kassa, EmbeddedDatabase database)
            throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            // In this test's transaction, rolled back at the end: 5,000 services, one in 500 with a date.
            Kassa.Tenant tenant = services(kassa, c, "svc_idx_", "now() + interval '10 days'",
                    "case when g % 500 = 0 then now() end", "case when g % 500 = 1 then now() end",
                    "case when g % 500 = 2 then now() end");
            s.execute("analyze services");
            s.execute("set local plan_cache_mode = force_generic_plan");

            s.execute("prepare suspension(timestamptz) as select id from services where "
                    + JpaServiceRepository.SUSPENSION.replace("?1", "$1")
                    + " order by suspend_at, id limit 20 for update skip locked");
            String plan = plan(s, "suspension(now())");
            assertTrue(plan.contains("ix_services_suspend") && plan.contains("$1"), plan);

            s.execute("set local plan_cache_mode = force_custom_plan");
            s.execute("prepare termination(timestamptz) as select id from services where "
                    + JpaServiceRepository.TERMINATION.replace("?1", "$1")
                    + " order by id limit 20 for update skip locked");
            plan = plan(s, "termination(now())");
            assertTrue(plan.contains("ix_services_terminate") && plan.contains("ix_services_cancel"), plan);

            // What lockAwaiting asks (as JPQL) when an invoice is paid.
            s.execute("prepare awaiting(text, text) as select id from services"
                    + " where tenant_id = $1 and unpaid_invoice_id = $2 order by id for update");
            plan = plan(s, "awaiting('" + tenant.id() + "', 'inv_none')");
            assertTrue(plan.contains("ix_services_unpaid_invoice"), plan);
            c.rollback();
        }
    }

    @Test
    void theClaimsReadTheirIndexInOrderWhenTheStatisticsSayFewAreDue(Kassa kassa, EmbeddedDatabase database)
            throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            // As in production: analysed while a few were due, then a whole batch came due at once.
            String dueAFew = "case when g % 500 = 0 then now() - interval '1 day' end";
            services(kassa, c, "svc_claim_", "coalesce(" + dueAFew + ", now() + interval '10 days')", dueAFew,
                    "null", "null");
            s.execute("analyze services");
            s.execute("update services set next_renewal_at = now() - interval '1 hour',"
                    + " suspend_at = now() - interval '1 hour' where id like 'svc_claim_%'");
            // Reading the heap in index order costs the most where the rows lie scattered, as they
            // come to lie after months of renewals: here made dear by the setting, not by months.
            s.execute("set local random_page_cost = 100");

            for (ServiceRepository.Due due : List.of(ServiceRepository.Due.RENEWAL, ServiceRepository.Due.SUSPENSION)) {
                String claim = "explain " + JpaServiceRepository.claim(due, 0, 100).replace("?1", "now()");
                String unguided = plan(s, claim);
                assertTrue(unguided.contains("Sort"), "the trap this guards against: every due row read and sorted\n"
                        + unguided);

                s.execute(JpaServiceRepository.CLAIM_IN_INDEX_ORDER);
                String guided = plan(s, claim);
                s.execute(JpaServiceRepository.CLAIM_DONE);
                assertTrue(guided.contains("Index Scan using ix_services_")
                        && !guided.contains("Sort"), guided);
                assertEquals(unguided, plan(s, claim), "sorting is back for the rest of the transaction");
            }
            c.rollback();
        }
    }

    /**
     * A new tenant with one customer and payer (through the API), and 5,000 services of theirs
     * inserted in the connection's transaction, ids {@code idPrefix} and g from 1 to 5,000: the
     * dates are SQL expressions of g.
     */
    private static Kassa.Tenant services(Kassa kassa, Connection c, String idPrefix, String nextRenewalAt,
                                         String suspendAt, String terminateAt, String cancelAt) throws SQLException {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount("FR");
        ApiResponse payer = tenant.api().post("accounts/" + account + "/payers",
                Json.obj("type", "PERSON", "name", "Customer", "country", "FR"));
        assertEquals(201, payer.status(), payer::toString);
        try (PreparedStatement insert = c.prepareStatement("insert into services (id, tenant_id, account_id,"
                + " payer_id, name, price_minor, currency, period, next_renewal_at, auto_renew, tax_category,"
                + " status, suspend_at, terminate_at, cancel_at, created_at, updated_at)"
                + " select ? || g, ?, ?, ?, 'Server ' || g, 1000, 'EUR', 'P1M', " + nextRenewalAt + ", true,"
                + " 'STANDARD', 'ACTIVE', " + suspendAt + ", " + terminateAt + ", " + cancelAt + ", now(), now()"
                + " from generate_series(1, 5000) g")) {
            insert.setString(1, idPrefix);
            insert.setString(2, tenant.id());
            insert.setString(3, account);
            insert.setString(4, payer.string("id"));
            assertEquals(5_000, insert.executeUpdate());
        }
        return tenant;
    }

    private static String plan(Statement s, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(explain.startsWith("explain ") ? explain : "explain execute " + explain)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String columns(Map<String, String> definitions, String index) {
        String definition = definitions.get(index);
        assertTrue(definition != null, index + " is missing: " + definitions);
        return definition.substring(definition.indexOf(" USING btree ") + " USING btree ".length());
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(KassaExtension.DATABASE), database.user(),
                database.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
