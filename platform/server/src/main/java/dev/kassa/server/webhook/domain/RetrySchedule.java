package dev.kassa.server.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery the endpoint did not take is tried again: {@value #FIRST_GAP_SECONDS} seconds
 * after the first failed try, then twice as long after each further one, at most
 * {@link #MAX_GAP} apart, each gap shortened or lengthened at random by up to a quarter (jitter, so
 * that an endpoint that comes back is not hit by every retry at the same instant); given up once
 * the next try would fall more than {@link #WINDOW} after the delivery was (re)started. About 15
 * tries over 3 days.
 */
public final class RetrySchedule {
    public static final Duration WINDOW = Duration.ofDays(3);
    static final long FIRST_GAP_SECONDS = 5;
    static final Duration MAX_GAP = Duration.ofHours(10);

    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) */
    public RetrySchedule(DoubleSupplier random) {
        this.random = random;
    }

    /** When to try again after try number {@code triesSoFar} failed; empty: give up. */
    public Optional<Instant> nextTry(Instant now, int triesSoFar, Instant windowStart) {
        long base = FIRST_GAP_SECONDS << Math.min(Math.max(triesSoFar - 1, 0), 30);
        long capped = Math.min(base, MAX_GAP.toSeconds());
        long millis = Math.round(capped * 1000 * (0.75 + 0.5 * random.getAsDouble()));
        Instant next = now.plusMillis(millis);
        return next.isAfter(windowStart.plus(WINDOW)) ? Optional.empty() : Optional.of(next);
    }
}
