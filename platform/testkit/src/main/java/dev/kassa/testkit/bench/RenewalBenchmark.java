package dev.kassa.testkit.bench;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long the billing run takes to renew many due services from the balance: starts PostgreSQL and
 * the real server jar (billing run every second), creates accounts through the API and funds them by
 * bank transfer, writes the due services straight into the database (setting up 100,000 through the
 * API would take longer than renewing them), and times the real billing run from the moment they are
 * due until none is: every renewal invoice drafted, finalised, numbered, paid from the balance, its
 * webhooks in the outbox. Then checks the result: every invoice paid, numbers gapless, the ledger
 * balanced.
 *
 * <p>A benchmark, not a test: it prints figures and never fails because a machine is slow. Run it with
 * {@code ./kassa bench renewals [--services N] [--accounts N] [--threads N] [--batch N] ...}.
 */
public final class RenewalBenchmark {
    static final double GOAL_SECONDS = 60;
    static final int GOAL_SERVICES = 100_000;
    static final String USAGE = """
            usage: ./kassa bench renewals [options]
              --services N          due services renewed in the timed run (default 100000)
              --accounts N          accounts they are spread over (default 1000)
              --warmup N            services renewed first, not timed, to warm the JIT (default 10000; 0 skips)
              --threads N           KASSA_BILLING_THREADS of the server (default: the server's default)
              --batch N             KASSA_BILLING_BATCH of the server (default: the server's default)
              --no-webhooks         no webhook endpoint (by default one subscribes to every event, so each
                                    renewal also writes its deliveries to the outbox)
              --synchronous-commit on|off
                                    PostgreSQL commit durability (default on)
              --kassa-jvm OPTION    JVM option for the Kassa server, repeatable (default -Xms1g -Xmx1g)
              --postgres NAME=VALUE PostgreSQL parameter that a reload applies, repeatable (for example
                                    max_wal_size=4GB: with PostgreSQL's default of 1GB, the timed run's
                                    1.1 GB of WAL for 100,000 renewals starts two checkpoints in it)
            """;

    private int services = 100_000;
    private int accounts = 1000;
    private int warmup = 10_000;
    private String threads;
    private String batch;
    private boolean webhooks = true;
    private String synchronousCommit = "on";
    private final List<String> jvm = new ArrayList<>();
    private final Map<String, String> postgres = new LinkedHashMap<>();

    private RenewalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RenewalBenchmark bench = new RenewalBenchmark();
        try {
            if (!bench.parse(args)) {
                System.out.print(USAGE);
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("kassa bench renewals: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        bench.run();
    }

    private boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return false;
                }
                case "--services" -> services = number(args, ++i, 1, 10_000_000);
                case "--accounts" -> accounts = number(args, ++i, 1, 100_000);
                case "--warmup" -> warmup = number(args, ++i, 0, 10_000_000);
                case "--threads" -> threads = Integer.toString(number(args, ++i, 1, 32));
                case "--batch" -> batch = Integer.toString(number(args, ++i, 1, 500));
                case "--no-webhooks" -> webhooks = false;
                case "--synchronous-commit" -> {
                    synchronousCommit = i + 1 < args.length ? args[++i] : "";
                    if (!synchronousCommit.equals("on") && !synchronousCommit.equals("off")) {
                        throw new IllegalArgumentException("--synchronous-commit takes on or off");
                    }
                }
                case "--kassa-jvm" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--kassa-jvm needs a value");
                    }
                    jvm.add(args[i]);
                }
                case "--postgres" -> {
                    String setting = ++i < args.length ? args[i] : "";
                    int eq = setting.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--postgres takes NAME=VALUE");
                    }
                    postgres.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (jvm.isEmpty()) {
            jvm.addAll(List.of("-Xms1g", "-Xmx1g"));
        }
        return true;
    }

    private static int number(String[] args, int i, int min, int max) {
        try {
            int n = Integer.parseInt(args[i]);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (RuntimeException e) {
            // below
        }
        throw new IllegalArgumentException(args[i - 1] + " takes a whole number from " + min + " to " + max);
    }

    private void run() throws Exception {
        LedgerBenchmark.log("starting embedded PostgreSQL");
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            String url = database.createDatabase("kassa_bench");
            DatabaseControl control = new DatabaseControl(url, database.user(), database.password());
            control.setSynchronousCommit(synchronousCommit);
            control.setServerParameters(postgres);
            LedgerBenchmark.log("PostgreSQL on 127.0.0.1:" + database.port() + ": " + control.describe());
            String token = "op-" + UUID.randomUUID();
            Path dataDir = Files.createTempDirectory("kassa-bench-renewals-").resolve("data");
            List<String> env = new ArrayList<>(List.of("KASSA_DB_URL", url, "KASSA_DB_USER", database.user(),
                    "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dataDir.toString(),
                    "KASSA_OPERATOR_TOKEN", token, "KASSA_BILLING_INTERVAL", "1", "KASSA_WEBHOOKS_ALLOW_INSECURE", "true",
                    // The deliveries go nowhere; the worker must not compete for the cores while the run is timed.
                    "KASSA_WEBHOOKS_INTERVAL", "3600"));
            if (threads != null) {
                env.addAll(List.of("KASSA_BILLING_THREADS", threads));
            }
            if (batch != null) {
                env.addAll(List.of("KASSA_BILLING_BATCH", batch));
            }
            LedgerBenchmark.log("starting Kassa (" + KassaProcess.serverJar() + ", JVM " + String.join(" ", jvm)
                    + ", billing threads " + (threads == null ? "default" : threads) + ", batch "
                    + (batch == null ? "default" : batch) + ")");
            try (KassaProcess process = KassaProcess.start(KassaProcess.env(env.toArray(String[]::new)), jvm);
                 Connection db = DriverManager.getConnection(url, database.user(), database.password())) {
                // Interrupted (Ctrl-C): the server goes too.
                Runtime.getRuntime().addShutdownHook(new Thread(process::close, "kassa-bench-stop"));
                LedgerBenchmark.log("Kassa ready at " + process.baseUri() + " (pid " + process.pid() + ", log "
                        + process.log() + ")");
                Kassa kassa = new Kassa(process, token);
                Kassa.Tenant tenant = kassa.newTenant();
                ApiResponse settings = tenant.api().put("settings/billing", Json.obj("establishmentCountry", "FR",
                        "vatId", "FR40303265045"));
                if (settings.status() != 200) {
                    throw new IllegalStateException("billing settings: " + settings);
                }
                if (webhooks) {
                    ApiResponse endpoint = tenant.api().post("webhook-endpoints", Json.obj("url",
                            "http://127.0.0.1:9/hooks", "events", List.of("*")));
                    if (endpoint.status() != 201) {
                        throw new IllegalStateException("webhook endpoint: " + endpoint);
                    }
                }
                int perAccount = (services + warmup + accounts - 1) / accounts;
                // 1.00 net, 1.20 with French VAT, per renewal; a little more, so every renewal is paid.
                String funding = (perAccount * 12 / 10 + 10) + ".00";
                LedgerBenchmark.log("creating " + accounts + " accounts with a payer each, funded with " + funding
                        + " EUR");
                List<String[]> owners = createAccounts(tenant, funding);
                CpuMeter meter = new CpuMeter(process.pid(), database.port());
                if (warmup > 0) {
                    LedgerBenchmark.log("warm-up: " + warmup + " renewals (not timed)");
                    Result warm = renew(db, tenant.id(), owners, warmup, "warm", meter);
                    LedgerBenchmark.log(warm.describe());
                }
                control.checkpoint();
                LedgerBenchmark.log("timed run: " + services + " due services over " + accounts + " accounts");
                Result timed = renew(db, tenant.id(), owners, services, "bench", meter);
                LedgerBenchmark.log(timed.describe());
                Checks checks = Checks.of(db, tenant.id(), services + warmup);
                ApiResponse verify = kassa.operator().get("operator/ledger/verify");
                boolean balanced = verify.status() == 200 && verify.object().getBoolean("balanced");
                LedgerBenchmark.log(checks.describe() + "; ledger " + (balanced ? "balanced" : "NOT balanced: " + verify));
                // The goal is for 100,000 renewals: a smaller run is judged by the time 100,000 would
                // take at its rate, never "met" on its own smaller count.
                double forGoal = timed.seconds() * GOAL_SERVICES / services;
                LedgerBenchmark.log(String.format(Locale.ROOT,
                        "RESULT %,d renewals from the balance in %.1f s, %.0f renewals/s; %,d at that rate: %.0f s"
                                + " (goal <= %.0f s: %s)",
                        services, timed.seconds(), services / timed.seconds(), GOAL_SERVICES, forGoal, GOAL_SECONDS,
                        forGoal <= GOAL_SECONDS ? "met" : "NOT met"));
            }
        }
    }

    /** Creates the accounts (each with one payer in France, funded by bank transfer): [accountId, payerId]. */
    private List<String[]> createAccounts(Kassa.Tenant tenant, String funding) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String[]>> futures = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                futures.add(pool.submit(() -> {
                    String account = tenant.newAccount("FR");
                    ApiResponse payer = tenant.api().post("accounts/" + account + "/payers", Json.obj("type", "PERSON",
                            "name", "Customer", "country", "FR"));
                    if (payer.status() != 201) {
                        throw new IllegalStateException("payer: " + payer);
                    }
                    tenant.fund(account, funding);
                    return new String[] {account, payer.string("id")};
                }));
            }
            List<String[]> owners = new ArrayList<>();
            for (Future<String[]> f : futures) {
                owners.add(f.get());
            }
            return owners;
        } finally {
            pool.shutdownNow();
        }
    }

    record Result(String name, int services, double seconds, double startSeconds, CpuMeter.Usage cpu,
                  DatabaseMeter.Activity database) {
        String describe() {
            return String.format(Locale.ROOT, "  %s: %,d renewed in %.1f s (the run began %.1f s after they came due),"
                            + " %.0f renewals/s; cores: kassa %.2f, postgres %.2f, other %.2f; %s", name, services,
                    seconds, startSeconds, services / seconds, cpu.kassa(), cpu.postgres(), cpu.other(),
                    database.describe()) + "\n  " + database.perUnit(services);
        }
    }

    /**
     * Inserts {@code count} services due an hour ago in one transaction (all due at the same moment),
     * then waits until the billing run has renewed every one of them.
     */
    private Result renew(Connection db, String tenantId, List<String[]> owners, int count, String tag, CpuMeter meter)
            throws SQLException, InterruptedException {
        Instant due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant created = Instant.now();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into services (id, tenant_id, account_id, payer_id,"
                + " name, external_id, price_minor, currency, period, next_renewal_at, auto_renew, tax_category, status,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 100, 'EUR', 'P1M', ?, true, 'STANDARD', 'ACTIVE',"
                + " ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String[] owner = owners.get(i % owners.size());
                String id = String.format(Locale.ROOT, "svc_%s%08d", tag, i);
                insert.setString(1, id);
                insert.setString(2, tenantId);
                insert.setString(3, owner[0]);
                insert.setString(4, owner[1]);
                insert.setString(5, "VPS " + tag + "-" + i);
                insert.setString(6, tag + "-" + i);
                insert.setTimestamp(7, Timestamp.from(due));
                insert.setTimestamp(8, Timestamp.from(created));
                insert.setTimestamp(9, Timestamp.from(created));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        CpuMeter.Snapshot before = meter.snapshot();
        db.commit();
        long start = System.nanoTime();
        db.setAutoCommit(true);
        DatabaseMeter database = new DatabaseMeter(db);
        DatabaseMeter.Snapshot databaseBefore = database.snapshot();
        double began = -1;
        // Counting what is left reads every due row: ten times a second over 100,000 rows, that took
        // PostgreSQL CPU from the run it measured. It only tells when the run begins. After that, the
        // probe is the service the claims reach last (due at the same moment as all the others, they
        // are claimed in id order), looked up by its key; once it is renewed, a probe for any left
        // (a scan of the table, 10 to 20 ms over 100,000 services: once or twice, at the end) makes
        // sure no batch is still at work. Probing for any left all along, twenty times a second, took
        // about a quarter of a core of PostgreSQL from the run, more the further it went.
        String pending = "select count(*) from services where tenant_id = ? and external_id like ?"
                + " and next_renewal_at <= now()";
        String lastRenewed = "select count(*) from services where id = ? and next_renewal_at > now()";
        String anyLeft = "select count(*) from (select 1 from services where status = 'ACTIVE'"
                + " and next_renewal_at <= now() and tenant_id = ? and external_id like ? limit 1) as due";
        String last = String.format(Locale.ROOT, "svc_%s%08d", tag, count - 1);
        while (true) {
            if (began < 0) {
                if (count(db, pending, tenantId, tag + "-%") < count) {
                    began = (System.nanoTime() - start) / 1e9;
                }
            } else if (count(db, lastRenewed, last) == 1 && count(db, anyLeft, tenantId, tag + "-%") == 0) {
                break;
            }
            Thread.sleep(began < 0 ? 100 : 50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(tag, count, seconds, began, meter.since(before), database.since(databaseBefore));
    }

    static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What the run left: invoices and their numbers, and whether documents were queued for them. */
    record Checks(long invoices, long paid, long distinctNumbers, long maxSequence, String documents) {
        static Checks of(Connection db, String tenantId, long expected) throws SQLException {
            long invoices = count(db, "select count(*) from invoices where tenant_id = ?", tenantId);
            long paid = count(db, "select count(*) from invoices where tenant_id = ? and status = 'PAID'", tenantId);
            long distinct = count(db, "select count(distinct number) from invoices where tenant_id = ?", tenantId);
            long max = count(db, "select coalesce(max(cast(substring(number from '[0-9]+$') as bigint)), 0)"
                    + " from invoices where tenant_id = ?", tenantId);
            String documents;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select table_name from"
                    + " information_schema.tables where table_schema = 'public' and table_name like 'document%'"
                    + " and table_name <> 'document_counters' order by 1")) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                documents = tables.isEmpty() ? "no document queue in this build (PDFs are not queued yet)"
                        : "document tables: " + String.join(", ", tables);
            }
            return new Checks(invoices, paid, distinct, max, documents + (expected == invoices ? ""
                    : "; expected " + expected + " invoices"));
        }

        String describe() {
            boolean gapless = distinctNumbers == invoices && maxSequence == invoices;
            return String.format(Locale.ROOT, "%,d invoices, %,d paid, numbers %s (%,d distinct, highest %,d); %s",
                    invoices, paid, gapless ? "gapless" : "WITH GAPS OR DUPLICATES", distinctNumbers, maxSequence,
                    documents);
        }
    }
}
