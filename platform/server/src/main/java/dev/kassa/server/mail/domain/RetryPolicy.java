package dev.kassa.server.mail.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail the SMTP server did not take is tried again: one {@code interval} after the first
 * failed try, then twice as long after each further one, at most an hour apart, and not at all
 * after {@value #MAX_TRIES} tries (about two and a half hours of trying with the default interval
 * of 5 seconds). A try that the server refused for good (it rejected the recipient) is not repeated.
 */
public final class RetryPolicy {
    public static final int MAX_TRIES = 12;
    static final Duration MAX_GAP = Duration.ofHours(1);

    private final Duration interval;

    public RetryPolicy(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    /**
     * When to try again after try number {@code triesSoFar} (1 for the first) failed; empty: give
     * up, the mail is FAILED.
     */
    public Optional<Instant> nextTry(Instant now, int triesSoFar, boolean permanent) {
        if (permanent || triesSoFar >= MAX_TRIES) {
            return Optional.empty();
        }
        Duration gap = interval.multipliedBy(1L << Math.min(Math.max(triesSoFar - 1, 0), 20));
        return Optional.of(now.plus(gap.compareTo(MAX_GAP) > 0 ? MAX_GAP : gap));
    }
}
