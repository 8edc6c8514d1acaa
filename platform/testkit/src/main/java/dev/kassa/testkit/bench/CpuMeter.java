package dev.kassa.testkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the CPU went during a phase, from Linux {@code /proc}: this load generator, the Kassa
 * server, PostgreSQL (the postmaster on our port and its backends) and everything else. On a
 * 2-core machine the three share the cores, so this is the first thing to look at when a figure
 * is low. Elsewhere it reports nothing.
 */
final class CpuMeter {
    private final long kassaPid;
    private final String postgresPortArg;
    private final double ticksPerSecond;
    private final boolean available;

    CpuMeter(long kassaPid, int postgresPort) {
        this.kassaPid = kassaPid;
        this.postgresPortArg = Integer.toString(postgresPort);
        this.available = Files.isReadable(Path.of("/proc/stat")) && Files.isReadable(Path.of("/proc/self/stat"));
        this.ticksPerSecond = clockTicks();
    }

    record Snapshot(long nanoTime, long busy, long idle, long iowait, long self, long kassa, long postgres) { }

    /** Average cores in use over a phase, by whom. */
    record Usage(boolean available, double busy, double iowait, double client, double kassa, double postgres) {
        double other() {
            return Math.max(0, busy - client - kassa - postgres);
        }
    }

    Snapshot snapshot() {
        if (!available) {
            return new Snapshot(System.nanoTime(), 0, 0, 0, 0, 0, 0);
        }
        long[] machine = machine();
        long postgres = 0;
        long postmaster = postmasterPid();
        if (postmaster > 0) {
            postgres = ticks(postmaster, true);
            for (long child : children(postmaster)) {
                postgres += ticks(child, true);
            }
        }
        return new Snapshot(System.nanoTime(), machine[0], machine[1], machine[2], ticks(ProcessHandle.current().pid(),
                false), kassaPid > 0 ? ticks(kassaPid, true) : 0, postgres);
    }

    Usage since(Snapshot before) {
        Snapshot now = snapshot();
        double seconds = (now.nanoTime() - before.nanoTime()) / 1e9;
        if (!available || seconds <= 0) {
            return new Usage(false, 0, 0, 0, 0, 0);
        }
        double scale = 1.0 / ticksPerSecond / seconds;
        return new Usage(true, (now.busy() - before.busy()) * scale, (now.iowait() - before.iowait()) * scale,
                (now.self() - before.self()) * scale, (now.kassa() - before.kassa()) * scale,
                Math.max(0, now.postgres() - before.postgres()) * scale);
    }

    /** busy, idle and iowait ticks summed over all CPUs. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[] {user + nice + system + irq + softirq + steal, idle, iowait};
        } catch (IOException | RuntimeException e) {
            return new long[3];
        }
    }

    /** utime + stime of a process, plus what its reaped children used when {@code withChildren}. */
    private static long ticks(long pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        // f[0] is field 3 (state) of proc(5); utime is field 14
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long postmasterPid() {
        for (long pid : pids()) {
            try {
                String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                        StandardCharsets.UTF_8).split("\0");
                if (args.length > 2 && args[0].endsWith("/postgres") && hasPort(args)) {
                    return pid;
                }
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        }
        return -1;
    }

    private boolean hasPort(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-p") && args[i + 1].equals(postgresPortArg)) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> children(long parent) {
        List<Long> out = new ArrayList<>();
        String parentText = Long.toString(parent);
        for (long pid : pids()) {
            String[] f = stat(pid);
            if (f != null && f.length > 1 && f[1].equals(parentText)) {
                out.add(pid);
            }
        }
        return out;
    }

    private static List<Long> pids() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
