package dev.kassa.testkit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One timed phase: {@code clients} threads, each sending its next request as soon as the previous
 * one answered (a closed loop), until the deadline or a per-client cap, whichever comes first.
 * Every {@code tick} it prints the rate of the last interval, so a rate still climbing (JIT) or
 * sagging (a checkpoint) shows in the log rather than hiding in the phase's average.
 */
final class LoadPhase {
    /** A bound on requests per client, so a phase stays finite even against an impossibly fast server. */
    private static final long MAX_OPS_PER_CLIENT = 2_000_000;

    /** One request. Returns null on success, otherwise a short description of the failure. */
    @FunctionalInterface
    interface Operation {
        String call(int client, long sequence) throws Exception;
    }

    record Result(String name, int clients, long ops, long errors, double seconds, Latencies.Sorted latencies,
                  String firstError, CpuMeter.Usage cpu) {
        double opsPerSecond() {
            return seconds <= 0 ? 0 : ops / seconds;
        }
    }

    private LoadPhase() {
    }

    static Result run(String name, int clients, Duration duration, Operation operation, CpuMeter meter,
                      Duration tick) {
        List<Latencies> latencies = new ArrayList<>();
        LongAdder done = new LongAdder();
        long[] ops = new long[clients];
        long[] errors = new long[clients];
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = deadline[0];
                for (long seq = 0; seq < MAX_OPS_PER_CLIENT && System.nanoTime() < end; seq++) {
                    long start = System.nanoTime();
                    String error;
                    try {
                        error = operation.call(client, seq);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    long took = System.nanoTime() - start;
                    if (error == null) {
                        mine.record(took);
                        ops[client]++;
                        done.increment();
                    } else {
                        errors[client]++;
                        firstError.compareAndSet(null, error);
                    }
                }
            }, "bench-" + name + "-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        CpuMeter.Snapshot before = meter.snapshot();
        long started = System.nanoTime();
        deadline[0] = started + duration.toNanos();
        go.countDown();
        printTicks(name, started, deadline[0], tick, done);
        long giveUp = deadline[0] + Duration.ofSeconds(120).toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (giveUp - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Usage cpu = meter.since(before);
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long totalOps = 0;
        long totalErrors = 0;
        for (int c = 0; c < clients; c++) {
            totalOps += ops[c];
            totalErrors += errors[c];
        }
        return new Result(name, clients, totalOps, totalErrors, seconds, Latencies.merge(latencies), firstError.get(),
                cpu);
    }

    /** Until the deadline, one line per {@code tick}: the rate of that interval alone. */
    private static void printTicks(String name, long started, long deadline, Duration tick, LongAdder done) {
        if (tick == null || tick.isZero()) {
            return;
        }
        long lastAt = started;
        long lastOps = 0;
        for (long next = started + tick.toNanos(); ; next = Math.min(next + tick.toNanos(), deadline)) {
            long wait = Math.min(next, deadline) - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep((wait + 999_999) / 1_000_000); // rounded up: never wakes before the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long now = System.nanoTime();
            long ops = done.sum();
            LedgerBenchmark.log(String.format(Locale.ROOT, "    %-26s %4.0f s %7.1f/s", name, (now - started) / 1e9,
                    (ops - lastOps) / ((now - lastAt) / 1e9)));
            lastAt = now;
            lastOps = ops;
            if (now >= deadline) {
                return;
            }
        }
    }
}
