package dev.kassa.server.billing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of the billing run, every {@code KASSA_BILLING_INTERVAL} seconds on every node: renew
 * what is due ({@link Renewals}), then suspend and terminate what stayed unpaid or was cancelled
 * ({@link ServiceLifecycle}); each service in a transaction of its own, claimed with {@code FOR
 * UPDATE SKIP LOCKED}, so nodes share the work without waiting for each other and a service is
 * never taken by two of them at once. At most {@link #BATCH} services of each kind per round and
 * node; the rest wait for the next round.
 */
@ApplicationScoped
public class BillingRun {
    private static final Logger LOG = Logger.getLogger(BillingRun.class.getName());
    static final int BATCH = 200;

    private Renewals renewals;
    private ServiceLifecycle lifecycle;
    private RenewalVatIdRefresh vatIds;

    protected BillingRun() {
    }

    @Inject
    public BillingRun(Renewals renewals, ServiceLifecycle lifecycle, RenewalVatIdRefresh vatIds) {
        this.renewals = renewals;
        this.lifecycle = lifecycle;
        this.vatIds = vatIds;
    }

    /** What one round did. */
    public record Round(int renewed, int failed, int suspended, int terminated) {
        public boolean didAnything() {
            return renewed + failed + suspended + terminated > 0;
        }
    }

    public Round runOnce() {
        try {
            vatIds.refresh();
        } catch (RuntimeException e) {
            // Old answers stand; renewing must not wait on VIES.
            LOG.log(Level.WARNING, "Re-checking old VAT ID answers failed; renewing with the stored ones", e);
        }
        Set<String> skip = new HashSet<>();
        int renewed = 0;
        int failed = 0;
        while (renewed + failed < BATCH) {
            Optional<String> done;
            try {
                done = renewals.renewNext(skip);
            } catch (Renewals.RenewalFailed e) {
                // Rolled back: the service stays due and is tried again next round; the others go on.
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
                skip.add(e.serviceId());
                failed++;
                continue;
            }
            if (done.isEmpty()) {
                break;
            }
            renewed++;
        }
        int suspended = drain(lifecycle::suspendNext);
        int terminated = drain(lifecycle::terminateNext);
        return new Round(renewed, failed, suspended, terminated);
    }

    private static int drain(Function<Collection<String>, Optional<String>> next) {
        Set<String> done = new HashSet<>();
        while (done.size() < BATCH) {
            Optional<String> id = next.apply(done);
            if (id.isEmpty()) {
                break;
            }
            done.add(id.get());
        }
        return done.size();
    }
}
