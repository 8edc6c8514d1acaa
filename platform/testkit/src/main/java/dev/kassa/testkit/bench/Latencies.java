package dev.kassa.testkit.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Request latencies in nanoseconds. Each client thread records into its own instance (no locking);
 * {@link #merge} sorts them all once, so percentiles are exact rather than bucketed.
 */
final class Latencies {
    private long[] values = new long[1 << 14];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Sorted merge(List<Latencies> parts) {
        int total = parts.stream().mapToInt(Latencies::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        Arrays.sort(all);
        return new Sorted(all);
    }

    /** All latencies of a phase in ascending order. */
    record Sorted(long[] nanos) {
        /** The nearest-rank percentile in milliseconds; NaN when nothing was recorded. */
        double percentileMillis(double percentile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
        }
    }
}
