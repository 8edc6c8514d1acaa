package dev.kassa.testkit.bench;

import java.util.ArrayList;
import java.util.List;

/** Command-line settings of {@link LedgerBenchmark}; {@code --help} prints them. */
record BenchOptions(int clients, int seconds, int warmupSeconds, int accounts, int hotSeconds,
                    String synchronousCommit, boolean pgbench, int pgbenchScale, List<String> kassaJvm) {

    static final String USAGE = """
            usage: ./kassa bench [options]
              --clients N            concurrent HTTP clients, one keep-alive connection each (default 16)
              --seconds S            length of each timed phase (default 20)
              --warmup S             warm-up before the timed phases, not reported (default 240: on 2 cores
                                     Payara's JIT needs about 3 minutes before the rates level off)
              --accounts N           accounts the spread phases pick from at random (default 200)
              --hot-seconds S        length of the single-hot-account phases; 0 skips them (default 10)
              --synchronous-commit on|off
                                     PostgreSQL commit durability (default on: a commit waits for its WAL
                                     flush; off is the embedded test database's default)
              --no-pgbench           skip the pgbench TPC-B comparison
              --pgbench-scale N      pgbench -i -s N (default 10)
              --kassa-jvm OPTION     JVM option for the Kassa server, repeatable (default -Xms1g -Xmx1g)
            """;

    static BenchOptions parse(String[] args) {
        int clients = 16;
        int seconds = 20;
        int warmup = 240;
        int accounts = 200;
        int hot = 10;
        String syncCommit = "on";
        boolean pgbench = true;
        int scale = 10;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--clients" -> clients = positive(arg, value(args, ++i, arg), 1, 1024);
                case "--seconds" -> seconds = positive(arg, value(args, ++i, arg), 1, 3600);
                case "--warmup" -> warmup = positive(arg, value(args, ++i, arg), 0, 3600);
                case "--accounts" -> accounts = positive(arg, value(args, ++i, arg), 1, 100_000);
                case "--hot-seconds" -> hot = positive(arg, value(args, ++i, arg), 0, 3600);
                case "--synchronous-commit" -> {
                    syncCommit = value(args, ++i, arg);
                    if (!syncCommit.equals("on") && !syncCommit.equals("off")) {
                        throw new IllegalArgumentException("--synchronous-commit takes on or off");
                    }
                }
                case "--no-pgbench" -> pgbench = false;
                case "--pgbench-scale" -> scale = positive(arg, value(args, ++i, arg), 1, 1000);
                case "--kassa-jvm" -> jvm.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (jvm.isEmpty()) {
            jvm = List.of("-Xms1g", "-Xmx1g");
        }
        return new BenchOptions(clients, seconds, warmup, accounts, hot, syncCommit, pgbench, scale, List.copyOf(jvm));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String flag, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new IllegalArgumentException(flag + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not " + text);
        }
    }
}
