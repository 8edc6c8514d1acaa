package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.OwnNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing run under stress, on a node of its own that runs it every second, on two threads,
 * twenty services per transaction: killed hard ({@code SIGKILL}) in the middle of a run, it renews
 * every due period of every service exactly once after the restart; and renewals racing payments of
 * the same services' open invoices neither deadlock nor lose a cent. The database is read directly
 * (the test's own connection) to count what the API would take thousands of calls to show.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingRunCrashIT {
    private static final Duration LIMIT = Duration.ofSeconds(300);

    private EmbeddedDatabase database;
    private OwnNode node;

    @BeforeAll
    void aNodeThatBillsEverySecond(EmbeddedDatabase database) {
        this.database = database;
        node = OwnNode.start(database, "kassa_billing_crash", "KASSA_WEBHOOKS_ALLOW_INSECURE", "true",
                "KASSA_BILLING_INTERVAL", "1", "KASSA_BILLING_THREADS", "2", "KASSA_BILLING_BATCH", "20");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private Kassa kassa() {
        return node.kassa();
    }

    /** The same tenant's client, on whichever node runs now. */
    private ApiClient api(Kassa.Tenant tenant) {
        return new ApiClient(node.process().baseUri(), tenant.api().token());
    }

    @Test
    void aRunKilledMidwayRenewsEveryDuePeriodOnceAfterTheRestart() throws Exception {
        Kassa.Tenant tenant = kassa().newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        // Deliveries that never succeed (nothing listens there) stay in the outbox, to be counted.
        assertEquals(201, tenant.api().post("webhook-endpoints", obj("url", "http://127.0.0.1:9/hooks",
                "events", List.of("invoice.finalized", "invoice.paid", "service.renewed"))).status());
        int accounts = 20;
        int perAccount = 100;
        int periods = 3;
        List<String> accountIds = new ArrayList<>();
        List<String> payers = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String account = tenant.newAccount("FR");
            accountIds.add(account);
            payers.add(InvoiceIT.payer(tenant, account, "PERSON", "FR", null));
            tenant.fund(account, "400.00"); // 100 services x 3 periods x 1.20, and 40.00 left
        }
        // Through the API, not yet due; then all due at once, three periods back, so the run starts on all.
        String later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ApiResponse>> created = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            for (int s = 0; s < perAccount; s++) {
                String account = accountIds.get(a);
                String payer = payers.get(a);
                created.add(pool.submit(() -> ServicesIT.create(tenant, account, payer, "1.00", later)));
            }
        }
        for (Future<ApiResponse> f : created) {
            assertEquals(201, f.get().status(), () -> f.toString());
        }
        pool.shutdown();
        int services = accounts * perAccount;
        ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).minusMonths(periods - 1).minusHours(1)
                .truncatedTo(ChronoUnit.SECONDS);
        int total = services * periods;

        try (Connection db = connect()) {
            assertEquals(services, update(db, "update services set next_renewal_at = ? where tenant_id = ?",
                    Timestamp.from(due.toInstant()), tenant.id()));

            // Killed once some, not all, periods are billed.
            await(() -> count(db, "select count(*) from invoices where tenant_id = ?", tenant.id()) >= total / 10,
                    "the run under way");
            node.process().kill();
            long atKill = count(db, "select count(*) from invoices where tenant_id = ?", tenant.id());
            assertTrue(atKill > 0 && atKill < total, "killed mid-run: " + atKill + " of " + total + " billed");

            node.restart();
            await(() -> count(db, "select count(*) from services where tenant_id = ? and next_renewal_at <= now()",
                    tenant.id()) == 0, "every due period renewed after the restart");

            // Every service billed once per due period: three invoices, for three distinct period starts.
            List<String> wrong = strings(db, "select s.id || ' ' || count(l.id) || ' ' || count(distinct i.supply_date)"
                    + " || ' ' || min(i.supply_date) || ' ' || max(i.supply_date) || ' ' || s.next_renewal_at"
                    + " from services s left join invoice_lines l on l.service_id = s.id"
                    + " left join invoices i on i.id = l.invoice_id where s.tenant_id = ? group by s.id"
                    + " having count(l.id) <> 3 or count(distinct i.supply_date) <> 3 or min(i.supply_date) <> ?"
                    + " or max(i.supply_date) <> ? or s.next_renewal_at <> ?", tenant.id(),
                    java.sql.Date.valueOf(due.toLocalDate()), java.sql.Date.valueOf(due.plusMonths(2).toLocalDate()),
                    Timestamp.from(due.plusMonths(3).toInstant()));
            assertEquals(List.of(), wrong, "services not billed exactly once per period");
            assertEquals(total, count(db, "select count(*) from invoices where tenant_id = ? and status = 'PAID'",
                    tenant.id()));
            assertEquals(total, count(db, "select count(*) from invoices where tenant_id = ?", tenant.id()));

            // Gapless numbers: exactly 1 to 6000 (INV-yyyy-000001 ...), none twice.
            List<String> numbers = strings(db, "select number from invoices where tenant_id = ?", tenant.id());
            List<Long> seqs = new ArrayList<>(numbers.stream()
                    .map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).toList());
            Collections.sort(seqs);
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, seqs.get(i), "number " + (i + 1) + " of " + total);
            }

            // The ledger: balanced, each account charged 3 x 100 x 1.20 exactly once.
            assertEquals(0, count(db, "select coalesce(sum(amount_minor), 0) from journal_entries where tenant_id = ?",
                    tenant.id()), "postings balance");
            assertEquals(total, count(db, "select count(*) from journal_transactions where tenant_id = ?"
                    + " and type = 'CHARGE'", tenant.id()));
            for (String account : accountIds) {
                assertEquals("40.00", api(tenant).get("accounts/" + account).amount("balance"), account);
            }
            ApiResponse verify = node.kassa().operator().get("operator/ledger/verify");
            assertTrue(verify.object().getBoolean("balanced"), verify::toString);

            // The webhooks went into the outbox with the renewals: one of each per renewal, none lost, none twice.
            for (String type : List.of("invoice.finalized", "invoice.paid", "service.renewed")) {
                assertEquals(total, count(db, "select count(*) from webhook_deliveries where tenant_id = ?"
                        + " and event_type = ?", tenant.id(), type), type);
            }
        }
    }

    @Test
    void renewalsRacingPaymentsOfTheSameServicesNeitherDeadlockNorLoseMoney() throws Exception {
        Kassa.Tenant tenant = kassa().newTenant();
        assertEquals(200, tenant.api().put("settings/billing", obj("establishmentCountry", "FR",
                "graceDays", 30, "terminationDays", 60)).status());
        int accounts = 10;
        int perAccount = 20;
        List<String> accountIds = new ArrayList<>();
        List<String> serviceIds = new ArrayList<>();
        String due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int a = 0; a < accounts; a++) {
            String account = tenant.newAccount("FR");
            accountIds.add(account);
            String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
            for (int s = 0; s < perAccount; s++) {
                ApiResponse created = ServicesIT.create(tenant, account, payer, "1.00", due);
                assertEquals(201, created.status(), created::toString);
                serviceIds.add(created.string("id"));
            }
        }
        int services = accounts * perAccount;
        try (Connection db = connect()) {
            // Nothing on the balances: every first renewal leaves its invoice open and the service awaiting it.
            await(() -> count(db, "select count(*) from services where tenant_id = ? and unpaid_invoice_id is not null",
                    tenant.id()) == services, "first renewals left open");
            List<String> open = strings(db, "select unpaid_invoice_id from services where tenant_id = ?", tenant.id());
            for (String account : accountIds) {
                tenant.fund(account, "48.00"); // the open invoices and the next renewals: 2 x 20 x 1.20
            }

            // The next period comes due for all while their open invoices are being paid.
            assertEquals(services, update(db, "update services set next_renewal_at = ? where tenant_id = ?",
                    Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), tenant.id()));
            await(() -> count(db, "select count(*) from invoices where tenant_id = ?", tenant.id()) > services,
                    "the run renewing again");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
            List<Future<?>> paying = new ArrayList<>();
            for (String invoice : open) {
                paying.add(pool.submit(() -> {
                    ApiResponse r = tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance"),
                            UUID.randomUUID().toString());
                    answers.add(r.status() + " " + (r.status() == 200 ? "" : r.body()));
                }));
            }
            for (Future<?> f : paying) {
                f.get();
            }
            pool.shutdown();
            assertEquals(List.of(), answers.stream().filter(a -> !a.startsWith("200")).toList(),
                    "every payment answered 200");
            await(() -> count(db, "select count(*) from services where tenant_id = ? and next_renewal_at <= now()",
                    tenant.id()) == 0, "second renewals done");

            assertEquals(2L * services, count(db, "select count(*) from invoices where tenant_id = ? and status = 'PAID'",
                    tenant.id()), "every invoice paid, the open ones and the renewals");
            assertEquals(0, count(db, "select count(*) from services where tenant_id = ? and (unpaid_invoice_id is not"
                    + " null or status <> 'ACTIVE')", tenant.id()));
            for (String account : accountIds) {
                assertEquals("0.00", tenant.balance(account), account);
            }
            assertEquals(0, count(db, "select coalesce(sum(amount_minor), 0) from journal_entries where tenant_id = ?",
                    tenant.id()), "postings balance");
            assertFalse(Files.readString(node.process().log()).contains("deadlock detected"),
                    "no deadlock in the server log");
        }
    }

    private Connection connect() throws SQLException {
        String url = node.env().get("KASSA_DB_URL");
        return DriverManager.getConnection(url, database.user(), database.password());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(db, sql, params)) {
            return s.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, Object... params) {
        try (PreparedStatement s = prepare(db, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Connection db, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = prepare(db, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
