package dev.kassa.testkit.bench;

import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How fast the client area's top-up page renders: starts PostgreSQL and the real server jar, signs
 * in concurrent customers (each with two payers, so the payer choice shows), and has each reload
 * {@code /top-up} as fast as the server answers. Prints the rate and the latency percentiles
 * measured at the client, which include the server's rendering and the loopback round trip.
 *
 * <p>A benchmark, not a test: it prints figures and never fails because a machine is slow. Run it with
 * {@code ./kassa bench client-area [--clients N] [--seconds S] [--warmup S]}.
 */
public final class ClientAreaBenchmark {
    static final double GOAL_P95_MILLIS = 30;
    static final String PAGE = "/top-up";

    private ClientAreaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The testkit's client area browser names the tenant's host in the Host header.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int clients = 16;
        int seconds = 30;
        int warmup = 180;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = positive(args, ++i);
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = positive(args, ++i);
                case "--help", "-h" -> {
                    System.out.println("usage: ./kassa bench client-area [--clients N (16)] [--seconds S (30)]"
                            + " [--warmup S (180)]");
                    return;
                }
                default -> {
                    System.err.println("kassa bench client-area: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        LedgerBenchmark.log("client area: " + clients + " signed-in customers reloading " + PAGE);
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            String url = database.createDatabase("kassa_bench");
            try (LedgerBenchmark.KassaRun run = LedgerBenchmark.KassaRun.start(url, database, List.of("-Xmx512m"))) {
                Kassa kassa = new Kassa(run.process(), run.operatorToken());
                Kassa.Tenant tenant = kassa.newTenant();
                List<ClientAreaClient> browsers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    String account = ClientAreas.newCustomer(tenant, "Customer " + c, "DE");
                    tenant.api().post("accounts/" + account + "/payers", Json.obj("type", "PERSON",
                            "name", "Customer " + c, "country", "DE"));
                    tenant.api().post("accounts/" + account + "/payers", Json.obj("type", "COMPANY",
                            "name", "Company " + c + " SARL", "country", "FR", "vatId", "FR40303265045"));
                    tenant.fund(account, "250.00");
                    browsers.add(ClientAreas.signIn(tenant, account, ClientAreas.open(kassa, tenant)));
                }
                ClientAreaClient.Page sample = browsers.get(0).get(PAGE);
                if (sample.status() != 200) {
                    throw new IllegalStateException(PAGE + " answered " + sample);
                }
                LedgerBenchmark.log(String.format(Locale.ROOT, "%s weighs %,d bytes of HTML", PAGE,
                        sample.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
                phase("warm-up", browsers, warmup);
                Duration cpuBefore = serverCpu(run.pid());
                Result result = phase("timed", browsers, seconds);
                Duration cpu = serverCpu(run.pid()).minus(cpuBefore);
                if (!cpu.isNegative() && result.pages() > 0) {
                    LedgerBenchmark.log(String.format(Locale.ROOT, "server CPU per page %.2f ms (%.1f s of CPU in %d s)",
                            cpu.toNanos() / 1e6 / result.pages(), cpu.toNanos() / 1e9, seconds));
                }
                double p95 = result.latencies().percentileMillis(95);
                LedgerBenchmark.log(String.format(Locale.ROOT,
                        "RESULT %s p95 %.1f ms (goal <= %.0f ms: %s), p50 %.1f ms, p99 %.1f ms, %.0f pages/s, %d errors",
                        PAGE, p95, GOAL_P95_MILLIS, p95 <= GOAL_P95_MILLIS ? "met" : "NOT met",
                        result.latencies().percentileMillis(50), result.latencies().percentileMillis(99),
                        result.pages() / (double) seconds, result.errors()));
            }
        }
    }

    record Result(Latencies.Sorted latencies, long pages, long errors) { }

    private static Result phase(String name, List<ClientAreaClient> browsers, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Latencies> parts = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(browsers.size());
        for (ClientAreaClient browser : browsers) {
            Latencies mine = new Latencies();
            parts.add(mine);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        ClientAreaClient.Page page = browser.get(PAGE);
                        long took = System.nanoTime() - start;
                        if (page.status() == 200) {
                            mine.record(took);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, page.status() + " " + page.body());
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                } finally {
                    done.countDown();
                }
            }, "client-area-bench");
            t.start();
        }
        done.await();
        Latencies.Sorted sorted = Latencies.merge(parts);
        LedgerBenchmark.log(String.format(Locale.ROOT, "%s: %d pages in %d s, p50 %.1f ms, p95 %.1f ms, %d errors%s",
                name, sorted.nanos().length, seconds, sorted.percentileMillis(50), sorted.percentileMillis(95),
                errors.get(), firstError.get() == null ? "" : "; first: " + firstError.get()));
        return new Result(sorted, sorted.nanos().length, errors.get());
    }

    /** The server's CPU time so far (zero when the platform does not tell). */
    private static Duration serverCpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static int positive(String[] args, int i) {
        try {
            int value = Integer.parseInt(args[i]);
            if (value > 0) {
                return value;
            }
        } catch (RuntimeException e) {
            // below
        }
        System.err.println("kassa bench client-area: " + args[i - 1] + " needs a positive whole number");
        System.exit(2);
        return 0;
    }
}
