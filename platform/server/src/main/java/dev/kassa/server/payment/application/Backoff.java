package dev.kassa.server.payment.application;

import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * When the janitor asks a gateway again about something still open: every
 * {@code KASSA_JANITOR_INTERVAL} seconds (default 60) at first, then twice as long after each
 * unanswered check, at most an hour apart, and not at all once it has been open for
 * {@value #GIVE_UP_DAYS} days (a customer who never finished 3-D Secure).
 */
@ApplicationScoped
public class Backoff {
    static final int GIVE_UP_DAYS = 7;
    private static final Duration MAX_GAP = Duration.ofHours(1);

    private Duration interval;

    protected Backoff() {
    }

    @Inject
    public Backoff(Settings settings) {
        this(settings.janitorInterval());
    }

    public Backoff(Duration interval) {
        this.interval = interval;
    }

    /** The next check after {@code checksSoFar} checks of something created at {@code created}; null: stop asking. */
    public Instant next(Instant now, Instant created, int checksSoFar) {
        if (created != null && now.isAfter(created.plus(Duration.ofDays(GIVE_UP_DAYS)))) {
            return null;
        }
        Duration gap = interval.multipliedBy(1L << Math.min(checksSoFar, 12));
        return now.plus(gap.compareTo(MAX_GAP) > 0 ? MAX_GAP : gap);
    }
}
