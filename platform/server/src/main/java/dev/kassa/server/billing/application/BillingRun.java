package dev.kassa.server.billing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of the billing run, every {@code KASSA_BILLING_INTERVAL} seconds on every node: renew
 * what is due ({@link Renewals}), then suspend and terminate what stayed unpaid or was cancelled
 * ({@link ServiceLifecycle}). Services are claimed with {@code FOR UPDATE SKIP LOCKED}, so nodes and
 * threads share the work without waiting for each other and a service is never taken by two of
 * them at once.
 *
 * <p>Renewals go on until nothing is due any more (a service due several periods back is renewed
 * period after period), on {@code threads} workers, each renewing {@code batch} services per
 * transaction. A batch commits whole or not at all; one that fails is renewed again one service per
 * transaction, so the service at fault is skipped for the round and the others are renewed. At most
 * {@link #BATCH} suspensions and terminations per round and node; the rest wait for the next round.
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

    /** A round on the calling thread, one service per transaction. */
    public Round runOnce() {
        return runOnce(Runnable::run, 1, 1);
    }

    /**
     * A round: renewals on {@code threads} tasks of {@code workers} (container-managed threads, so
     * each has its transactions), {@code batch} services per transaction; then suspensions and
     * terminations on the calling thread.
     */
    public Round runOnce(Executor workers, int threads, int batch) {
        try {
            vatIds.refresh();
        } catch (RuntimeException e) {
            // Old answers stand; renewing must not wait on VIES.
            LOG.log(Level.WARNING, "Re-checking old VAT ID answers failed; renewing with the stored ones", e);
        }
        Set<String> skip = ConcurrentHashMap.newKeySet();
        AtomicInteger renewed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(CompletableFuture.runAsync(() -> renewWhileDue(skip, batch, renewed, failed), workers));
        }
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        int suspended = drain(lifecycle::suspendNext);
        int terminated = drain(lifecycle::terminateNext);
        return new Round(renewed.get(), failed.get(), suspended, terminated);
    }

    private void renewWhileDue(Set<String> skip, int batch, AtomicInteger renewed, AtomicInteger failed) {
        int done;
        do {
            if (batch > 1) {
                try {
                    done = renewals.renewBatch(skip, batch).size();
                    renewed.addAndGet(done);
                } catch (RuntimeException e) {
                    // Rolled back whole: the same services again, one per transaction, so only the one at fault fails.
                    LOG.info(() -> "A batch of renewals was rolled back (" + rootCause(e)
                            + "); renewing them one by one");
                    done = renewSingly(skip, batch, renewed, failed);
                }
            } else {
                done = renewSingly(skip, 1, renewed, failed);
            }
        } while (done > 0);
    }

    /** Up to {@code count} renewals of one service per transaction; how many were tried (0: none was due). */
    private int renewSingly(Set<String> skip, int count, AtomicInteger renewed, AtomicInteger failed) {
        int tried = 0;
        while (tried < count) {
            Optional<String> done;
            try {
                done = renewals.renewNext(skip);
            } catch (Renewals.RenewalFailed e) {
                // Rolled back: the service stays due and is tried again next round; the others go on.
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
                skip.add(e.serviceId());
                failed.incrementAndGet();
                tried++;
                continue;
            }
            if (done.isEmpty()) {
                break;
            }
            renewed.incrementAndGet();
            tried++;
        }
        return tried;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
