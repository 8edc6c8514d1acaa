package dev.kassa.testkit.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The summary the benchmark ends with: one table of phases, where the CPU went, the ledger check, pgbench. */
record Report(BenchOptions options, String database, List<LoadPhase.Result> phases,
              LedgerBenchmark.LedgerVerification verification, long expectedPostings,
              LedgerBenchmark.HotBalance hotBalance, PgBench.Result pgbench, String pgbenchNote, Path kassaLog) {

    void print(PrintStream out) {
        out.println();
        out.println("=== Kassa ledger benchmark ===");
        out.printf(Locale.ROOT, "machine   %d cores, Java %s; %d keep-alive HTTP/1.1 clients (closed loop), %d s per"
                        + " phase after %d s warm-up%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.clients(), options.seconds(), options.warmupSeconds());
        out.println("database  " + database);
        out.println("kassa     JVM " + String.join(" ", options.kassaJvm()) + "; log " + kassaLog);
        out.println();
        out.printf(Locale.ROOT, "%-26s %8s %9s %8s %8s %8s %8s %7s%n", "phase", "ops", "ops/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors");
        for (LoadPhase.Result r : phases) {
            Latencies.Sorted l = r.latencies();
            out.printf(Locale.ROOT, "%-26s %8d %9.1f %8.2f %8.2f %8.2f %8.2f %7d%n", r.name(), r.ops(),
                    r.opsPerSecond(), l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99),
                    l.maxMillis(), r.errors());
        }
        for (LoadPhase.Result r : phases) {
            if (r.firstError() != null) {
                out.println("first error of " + r.name() + ": " + r.firstError());
            }
        }
        printCpu(out);
        printLedger(out);
        printPgBench(out);
        printGoal(out);
    }

    private void printCpu(PrintStream out) {
        if (phases.isEmpty() || !phases.get(0).cpu().available()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-26s %6s %7s %7s %7s %9s %7s %12s %12s%n", "CPU (cores in use, of "
                        + Runtime.getRuntime().availableProcessors() + ")", "busy", "iowait", "client", "kassa",
                "postgres", "other", "kassa ms/op", "pg ms/op");
        for (LoadPhase.Result r : phases) {
            CpuMeter.Usage u = r.cpu();
            double ops = Math.max(r.opsPerSecond(), 1e-9);
            out.printf(Locale.ROOT, "%-26s %6.2f %7.2f %7.2f %7.2f %9.2f %7.2f %12.2f %12.2f%n", r.name(), u.busy(),
                    u.iowait(), u.client(), u.kassa(), u.postgres(), u.other(), 1000 * u.kassa() / ops,
                    1000 * u.postgres() / ops);
        }
        out.println("(client = this load generator, which shares the cores with Kassa and PostgreSQL;"
                + " other = other processes and kernel interrupt work; ms/op = CPU milliseconds per request)");
    }

    private void printLedger(PrintStream out) {
        out.println();
        LedgerBenchmark.LedgerVerification v = verification;
        if (v.status() != 200) {
            out.println("ledger    GET /api/v1/ledger/verify answered " + v.status() + ": " + v.body());
        } else {
            out.printf(Locale.ROOT, "ledger    balanced=%s, %d accounts, %d journal entries (expected %d: 2 per"
                            + " successful posting), %d mismatches%n", v.balanced(), v.accounts(), v.entries(),
                    2 * expectedPostings, v.mismatches());
        }
        if (hotBalance != null) {
            out.println("hot       balance after the hot phases: " + hotBalance.describe());
        }
    }

    private void printPgBench(PrintStream out) {
        out.println();
        out.println(pgbenchNote);
        if (pgbench == null) {
            return;
        }
        out.printf(Locale.ROOT, "pgbench   tps = %.1f, latency average = %.2f ms", pgbench.tps(),
                pgbench.latencyAverageMillis());
        if (pgbench.cpu().available()) {
            out.printf(Locale.ROOT, "; cores: postgres %.2f, pgbench and other %.2f, iowait %.2f; pg ms/op %.2f",
                    pgbench.cpu().postgres(), pgbench.cpu().other(), pgbench.cpu().iowait(),
                    1000 * pgbench.cpu().postgres() / pgbench.tps());
        }
        out.println();
        for (LoadPhase.Result r : phases) {
            out.printf(Locale.ROOT, "ratio     %-26s %.1f/s / %.1f tps = %.2f%n", r.name(), r.opsPerSecond(),
                    pgbench.tps(), r.opsPerSecond() / pgbench.tps());
        }
    }

    private void printGoal(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "goal      credits and charges over many accounts: >= %.1f x pgbench tps, p99 < %.0f ms;"
                        + " one hot account: >= %.0f/s, exact final balance%n", LedgerBenchmark.GOAL_RATIO_TO_PGBENCH,
                LedgerBenchmark.GOAL_P99_MILLIS, LedgerBenchmark.GOAL_HOT_OPS_PER_SECOND);
        for (LoadPhase.Result r : phases) {
            boolean hot = r.name().contains("hot");
            boolean quick = r.latencies().percentileMillis(99) < LedgerBenchmark.GOAL_P99_MILLIS;
            String verdict;
            if (hot) {
                boolean fast = r.opsPerSecond() >= LedgerBenchmark.GOAL_HOT_OPS_PER_SECOND;
                boolean exact = hotBalance != null && hotBalance.exact();
                verdict = String.format(Locale.ROOT, "%s (%.0f/s %s, balance %s)",
                        fast && exact && r.errors() == 0 ? "met" : "NOT met", r.opsPerSecond(), fast ? "ok" : "short",
                        exact ? "exact" : "NOT exact");
            } else if (pgbench == null) {
                verdict = String.format(Locale.ROOT, "unknown without pgbench (%.0f/s, p99 %.1f ms %s)",
                        r.opsPerSecond(), r.latencies().percentileMillis(99), quick ? "ok" : "over");
            } else {
                double ratio = r.opsPerSecond() / pgbench.tps();
                boolean fast = ratio >= LedgerBenchmark.GOAL_RATIO_TO_PGBENCH;
                verdict = String.format(Locale.ROOT, "%s (%.2f x pgbench %s, p99 %.1f ms %s)",
                        fast && quick && r.errors() == 0 ? "met" : "NOT met", ratio, fast ? "ok" : "short",
                        r.latencies().percentileMillis(99), quick ? "ok" : "over");
            }
            out.printf(Locale.ROOT, "          %-26s %s%n", r.name(), verdict);
        }
    }
}
