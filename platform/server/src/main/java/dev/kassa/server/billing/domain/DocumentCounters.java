package dev.kassa.server.billing.domain;

/** The gapless sequences of document numbers. */
public interface DocumentCounters {
    /**
     * The next number of the tenant's series in {@code year}, starting at 1. The counter row stays
     * locked until the caller's transaction ends, so concurrent callers queue and a rolled-back
     * transaction gives its number back: no gap, no duplicate.
     */
    long next(String tenantId, DocumentSeries series, int year);
}
