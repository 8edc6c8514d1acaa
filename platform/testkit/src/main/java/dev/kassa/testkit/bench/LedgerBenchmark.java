package dev.kassa.testkit.bench;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.KassaProcess;
import dev.kassa.testkit.bench.LedgerWorkload.BenchAccount;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How many ledger postings per second Kassa sustains on this machine: starts PostgreSQL and the
 * real server jar, sends bank-transfer credits and charges from concurrent keep-alive HTTP clients,
 * prints throughput and latency per phase, checks the ledger still balances, and, when pgbench is
 * installed, puts the figures next to PostgreSQL's own TPC-B rate on the same database.
 *
 * <p>A benchmark, not a test: it prints figures and never fails because a machine is slow. Run it
 * with {@code ./kassa bench [--clients N] [--seconds S] ...}; {@code --help} lists the options.
 */
public final class LedgerBenchmark {
    /** Credits/s and charges/s over many accounts, each against pgbench's TPC-B tps at the same client count. */
    static final double GOAL_RATIO_TO_PGBENCH = 0.4;
    static final double GOAL_P99_MILLIS = 50;
    static final double GOAL_HOT_OPS_PER_SECOND = 300;
    /** How often the rate is printed, during the warm-up and the timed phases. */
    static final Duration TICK = Duration.ofSeconds(10);

    private final BenchOptions options;
    private final List<LoadPhase.Result> results = new ArrayList<>();
    private long postings;
    private HotBalance hotBalance;

    private LedgerBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kassa bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new LedgerBenchmark(options).run();
    }

    private void run() throws Exception {
        log("starting embedded PostgreSQL");
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            String url = database.createDatabase("kassa_bench");
            DatabaseControl db = new DatabaseControl(url, database.user(), database.password());
            db.setSynchronousCommit(options.synchronousCommit());
            String settings = db.describe();
            log("PostgreSQL on 127.0.0.1:" + database.port() + ": " + settings);

            PgBench.Result pgbench = null;
            String pgbenchNote;
            LedgerVerification verification;
            KassaRun kassa = KassaRun.start(url, database, options.kassaJvm());
            try {
                verification = runHttpPhases(kassa, db, database.port());
            } finally {
                kassa.close(); // pgbench gets the machine to itself
            }
            if (!options.pgbench()) {
                pgbenchNote = "pgbench: skipped (--no-pgbench)";
            } else {
                Optional<PgBench> tool = PgBench.find(database.port(), database.user(), database.password());
                if (tool.isEmpty()) {
                    pgbenchNote = "pgbench: not on PATH, no TPC-B comparison. Install it with"
                            + " `apt-get install postgresql-client` (Debian/Ubuntu) and run again.";
                } else {
                    pgbenchNote = "pgbench: " + tool.get().executable() + ", TPC-B-like (per transaction: 3 updates,"
                            + " 1 select, 1 insert), scale " + options.pgbenchScale() + ", -c " + options.clients()
                            + " -j " + Math.min(2, options.clients()) + " -T " + options.seconds();
                    try {
                        pgbench = runPgBench(tool.get(), database, db);
                    } catch (RuntimeException | java.io.IOException e) {
                        pgbenchNote = "pgbench: failed, no TPC-B comparison: " + e.getMessage();
                    }
                }
            }
            new Report(options, settings, results, verification, postings, hotBalance, pgbench, pgbenchNote,
                    kassa.process().log()).print(System.out);
        }
    }

    private LedgerVerification runHttpPhases(KassaRun kassa, DatabaseControl db, int postgresPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String apiKey = createTenant(kassa);
        LedgerWorkload workload = new LedgerWorkload(http, kassa.process().baseUri(), apiKey);
        log("creating and funding " + options.accounts() + " accounts (+1 hot account)");
        List<BenchAccount> spread = workload.createFundedAccounts("spread", options.accounts(), options.clients());
        List<BenchAccount> hot = workload.createFundedAccounts("hot", 1, 1);
        postings += spread.size() + hot.size();
        CpuMeter meter = new CpuMeter(kassa.pid(), postgresPort);
        int n = options.clients();

        if (options.warmupSeconds() > 0) {
            // Payara's JIT keeps compiling for minutes; alternate short slices so both paths warm and
            // the log shows the rate levelling off.
            log("warming up for " + options.warmupSeconds() + " s (not reported), one line per " + TICK.toSeconds()
                    + " s: the rates should level off before it ends");
            long start = System.nanoTime();
            long end = start + options.warmupSeconds() * 1_000_000_000L;
            for (int slice = 0; end - System.nanoTime() > 1_000_000_000L; slice++) {
                Duration length = Duration.ofNanos(Math.min(TICK.toNanos(), end - System.nanoTime()));
                LoadPhase.Result warm = slice % 2 == 0
                        ? LoadPhase.run("credits", n, length, workload.credits("warm" + slice, spread), meter, null)
                        : LoadPhase.run("charges", n, length, workload.charges(spread), meter, null);
                postings += warm.ops();
                CpuMeter.Usage cpu = warm.cpu();
                log(String.format(Locale.ROOT, "  warm-up %4.0f s %-8s %6.0f/s, p99 %6.1f ms, %d errors; cores: kassa"
                                + " %.2f, postgres %.2f, other %.2f%s", (System.nanoTime() - start) / 1e9, warm.name(),
                        warm.opsPerSecond(), warm.latencies().percentileMillis(99), warm.errors(), cpu.kassa(),
                        cpu.postgres(), cpu.other(), warm.firstError() == null ? "" : "; first: " + warm.firstError()));
            }
        }
        Duration phase = Duration.ofSeconds(options.seconds());
        timed(db, "credits, " + spread.size() + " accounts", n, phase, workload.credits("spread", spread), meter);
        timed(db, "charges, " + spread.size() + " accounts", n, phase, workload.charges(spread), meter);
        if (options.hotSeconds() > 0) {
            Duration hotPhase = Duration.ofSeconds(options.hotSeconds());
            LoadPhase.Result credits = timed(db, "credits, 1 hot account", n, hotPhase, workload.credits("hot", hot),
                    meter);
            LoadPhase.Result charges = timed(db, "charges, 1 hot account", n, hotPhase, workload.charges(hot), meter);
            hotBalance = HotBalance.check(workload, hot.get(0), credits, charges);
            log("hot account balance: " + hotBalance.describe());
        }
        log("verifying the ledger (GET /api/v1/ledger/verify)");
        ApiResponse verify = workload.get("/api/v1/ledger/verify");
        return LedgerVerification.of(verify);
    }

    private LoadPhase.Result timed(DatabaseControl db, String name, int clients, Duration duration,
                                   LoadPhase.Operation op, CpuMeter meter) {
        db.checkpoint(); // so a checkpoint started by the previous phase does not land in this one
        log("phase: " + name + ", " + clients + " clients, " + duration.toSeconds() + " s");
        LoadPhase.Result r = LoadPhase.run(name, clients, duration, op, meter, TICK);
        results.add(r);
        postings += r.ops();
        log(String.format(Locale.ROOT, "  %d ok, %.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s", r.ops(),
                r.opsPerSecond(), r.latencies().percentileMillis(50), r.latencies().percentileMillis(99), r.errors(),
                r.firstError() == null ? "" : "; first: " + r.firstError()));
        return r;
    }

    private String createTenant(KassaRun kassa) {
        String slug = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        ApiResponse created = new ApiClient(kassa.process().baseUri(), kassa.operatorToken()).post("tenants",
                Json.obj("slug", slug, "name", "Benchmark " + slug, "baseCurrency", "EUR", "defaultLocale", "en"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create the benchmark tenant: " + created);
        }
        return created.string("apiKey");
    }

    private PgBench.Result runPgBench(PgBench tool, EmbeddedDatabase database, DatabaseControl db) throws Exception {
        database.createDatabase("pgbench");
        log("pgbench -i -s " + options.pgbenchScale());
        tool.initialise("pgbench", options.pgbenchScale());
        db.checkpoint();
        log("pgbench -c " + options.clients() + " -T " + options.seconds());
        CpuMeter meter = new CpuMeter(-1, database.port());
        PgBench.Result r = tool.run("pgbench", options.clients(), options.seconds(), meter);
        log(String.format(Locale.ROOT, "  tps %.1f, latency average %.2f ms", r.tps(), r.latencyAverageMillis()));
        return r;
    }

    static void log(String line) {
        System.out.println("bench: " + line);
        System.out.flush();
    }

    /** What GET /api/v1/ledger/verify answered. */
    record LedgerVerification(int status, boolean balanced, long accounts, long entries, int mismatches,
                              String body) {
        static LedgerVerification of(ApiResponse r) {
            if (r.status() != 200) {
                return new LedgerVerification(r.status(), false, -1, -1, -1, r.body());
            }
            JsonObject o = r.object();
            return new LedgerVerification(200, o.getBoolean("balanced"), o.getJsonNumber("accounts").longValue(),
                    o.getJsonNumber("entries").longValue(), o.getJsonArray("mismatches").size(), r.body());
        }
    }

    /**
     * The hot account's balance after its phases, to the cent: the funding, plus 1.00 per successful
     * credit, minus 0.01 per successful charge. A failed request is assumed to have changed nothing
     * (an error answer rolls back); with failures the check says so rather than claim exactness.
     */
    record HotBalance(long expectedMinor, long actualMinor, long failedRequests) {
        static HotBalance check(LedgerWorkload workload, BenchAccount account, LoadPhase.Result credits,
                                LoadPhase.Result charges) throws Exception {
            long expected = LedgerWorkload.FUNDING_MINOR + credits.ops() * LedgerWorkload.CREDIT_MINOR
                    - charges.ops() * LedgerWorkload.CHARGE_MINOR;
            return new HotBalance(expected, workload.balanceMinor(account), credits.errors() + charges.errors());
        }

        boolean exact() {
            return expectedMinor == actualMinor;
        }

        String describe() {
            return String.format(Locale.ROOT, "%s (expected %d, stored %d minor units%s)",
                    exact() ? "exact" : "MISMATCH", expectedMinor, actualMinor,
                    failedRequests == 0 ? "" : "; " + failedRequests + " failed requests counted as unapplied");
        }
    }

    /** The server process with the settings this benchmark gave it. */
    record KassaRun(KassaProcess process, String operatorToken, long pid, Thread stopOnExit)
            implements AutoCloseable {
        static KassaRun start(String url, EmbeddedDatabase database, List<String> jvm) throws Exception {
            String token = "op-" + UUID.randomUUID();
            Path dataDir = Files.createTempDirectory("kassa-bench-").resolve("data");
            LedgerBenchmark.log("starting Kassa (" + KassaProcess.serverJar() + ", JVM " + String.join(" ", jvm) + ")");
            KassaProcess process = KassaProcess.start(KassaProcess.env("KASSA_DB_URL", url,
                    "KASSA_DB_USER", database.user(), "KASSA_DB_PASSWORD", database.password(),
                    "KASSA_DATA_DIR", dataDir.toString(), "KASSA_OPERATOR_TOKEN", token), jvm);
            Thread hook = new Thread(process::close, "kassa-bench-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            long pid = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("-jar")
                            && p.info().commandLine().orElse("").contains(KassaProcess.serverJar().toString()))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            LedgerBenchmark.log("Kassa ready at " + process.baseUri() + " (pid " + pid + ", log " + process.log() + ")");
            return new KassaRun(process, token, pid, hook);
        }

        @Override
        public void close() {
            process.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
    }
}
