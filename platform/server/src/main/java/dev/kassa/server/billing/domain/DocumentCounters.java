package dev.kassa.server.billing.domain;

/** The gapless sequences of document numbers. */
public interface DocumentCounters {
    /**
     * The next number of the tenant's series in {@code year}, starting at 1. The counter row stays
     * locked until the caller's transaction ends, so concurrent callers queue and a rolled-back
     * transaction gives its number back: no gap, no duplicate.
     */
    default long next(String tenantId, DocumentSeries series, int year) {
        return take(tenantId, series, year, 1);
    }

    /**
     * Takes the next {@code count} numbers (at least 1) of the series in one step and returns the
     * last of them: they are {@code last - count + 1} to {@code last}. Locked and given back as
     * {@link #next} does: a billing run numbers a whole batch of renewal invoices at once, just
     * before it commits, so the counter is held for as short a time as can be.
     */
    long take(String tenantId, DocumentSeries series, int year, int count);
}
