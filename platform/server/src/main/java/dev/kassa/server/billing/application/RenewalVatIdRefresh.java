package dev.kassa.server.billing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the billing run from asking VIES at all: at most every {@link #EVERY}, before renewing, it
 * plans a new check of the VAT IDs of the payers of services due within {@link #LEAD} whose last
 * valid answer is older than {@link ReverseChargeChecks#MAX_AGE} (at most {@link #PER_ROUND} of
 * them); the VAT ID check worker asks VIES on its own thread, and the renewals read the stored
 * answers. Until a new answer comes (or while VIES cannot give one) the last valid answer stands.
 */
@ApplicationScoped
public class RenewalVatIdRefresh {
    static final Duration LEAD = Duration.ofHours(2);
    static final Duration EVERY = Duration.ofMinutes(5);
    static final int PER_ROUND = 1000;

    private ServiceRenewalVatIds due;
    private Clock clock;
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.MIN);

    protected RenewalVatIdRefresh() {
    }

    @Inject
    public RenewalVatIdRefresh(ServiceRenewalVatIds due, Clock clock) {
        this.due = due;
        this.clock = clock;
    }

    /** How many checks were planned (0 when it ran less than {@link #EVERY} ago). */
    public int refresh() {
        Instant now = clock.instant();
        Instant before = last.get();
        if (before.plus(EVERY).isAfter(now) || !last.compareAndSet(before, now)) {
            return 0;
        }
        return due.planRechecks(now.plus(LEAD), now.minus(ReverseChargeChecks.MAX_AGE), now, PER_ROUND);
    }
}
