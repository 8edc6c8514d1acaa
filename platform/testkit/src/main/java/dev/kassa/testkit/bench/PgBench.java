package dev.kassa.testkit.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own pgbench, standard TPC-B-like script, against the database Kassa just used: the
 * yardstick for what this machine's PostgreSQL can commit per second at the same concurrency.
 */
final class PgBench {
    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");

    record Result(double tps, double latencyAverageMillis, CpuMeter.Usage cpu, String output) { }

    private final Path executable;
    private final int port;
    private final String user;
    private final String password;

    private PgBench(Path executable, int port, String user, String password) {
        this.executable = executable;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** pgbench from the PATH, if there is one. */
    static Optional<PgBench> find(int port, String user, String password) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new PgBench(candidate, port, user, password));
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /** {@code pgbench -i -s scale}: the four TPC-B tables, {@code scale} × 100,000 accounts. */
    void initialise(String database, int scale) throws IOException, InterruptedException {
        String out = run(List.of("-i", "-q", "-s", Integer.toString(scale)), database, 600);
        if (!out.contains("done")) {
            throw new IllegalStateException("pgbench -i failed:\n" + out);
        }
    }

    /** The standard TPC-B-like script for {@code seconds} with {@code clients} connections on 2 threads. */
    Result run(String database, int clients, int seconds, CpuMeter meter) throws IOException, InterruptedException {
        CpuMeter.Snapshot before = meter.snapshot();
        String out = run(List.of("-c", Integer.toString(clients), "-j", Integer.toString(Math.min(2, clients)),
                "-T", Integer.toString(seconds)), database, seconds + 300L);
        CpuMeter.Usage cpu = meter.since(before);
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("no \"tps = \" in pgbench output:\n" + out);
        }
        Matcher latency = LATENCY.matcher(out);
        return new Result(Double.parseDouble(tps.group(1)),
                latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN, cpu, out);
    }

    private String run(List<String> args, String database, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user));
        command.addAll(args);
        command.add(database);
        Path log = Files.createTempFile("kassa-pgbench-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PGPASSWORD", password);
            Process p = builder.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("pgbench did not finish in " + timeoutSeconds + " s");
            }
            String out = Files.readString(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("pgbench exited with " + p.exitValue() + ":\n" + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
