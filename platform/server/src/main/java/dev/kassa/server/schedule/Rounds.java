package dev.kassa.server.schedule;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background worker's rounds on the container's scheduler, as every schedule of Kassa runs them:
 * with a fixed delay, so rounds never overlap, and surviving their own failures (a scheduled task
 * that throws is otherwise never run again): a round that fails is logged as a warning and the next
 * one runs on time.
 */
public final class Rounds {
    /** Every schedule's rounds started in this JVM and not stopped, for {@link #anotherIsWaiting}. */
    private static final Set<Rounds> LIVE = ConcurrentHashMap.newKeySet();

    private final ScheduledFuture<?> future;

    private Rounds(ScheduledFuture<?> future) {
        this.future = future;
    }

    /**
     * Whether another schedule's round is due and waiting: the container's scheduler runs the
     * rounds of all of a node's workers on one thread, so a long round (the document worker's,
     * after a burst of renewals queued thousands of PDFs) holds the billing, mail and webhook rounds
     * back until it ends. A long round asks this between two pieces of work and ends early when it
     * is true; the rest of its work waits for its next round.
     */
    public boolean anotherIsWaiting() {
        for (Rounds other : LIVE) {
            if (other != this && !other.future.isDone() && other.future.getDelay(TimeUnit.MILLISECONDS) <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param first the wait before the first round
     * @param every the wait between the end of a round and the start of the next
     * @param what what a round does, for the log line of one that fails ({@code "Mail round"})
     */
    public static Rounds start(ManagedScheduledExecutorService scheduler, Duration first, Duration every, Logger log,
                               String what, Runnable round) {
        Runnable guarded = () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " failed; will retry", e);
            }
        };
        Rounds rounds = new Rounds(scheduler.scheduleWithFixedDelay(guarded, first.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS));
        LIVE.add(rounds);
        return rounds;
    }

    /** The same, the first round one {@code every} after start. */
    public static Rounds start(ManagedScheduledExecutorService scheduler, Duration every, Logger log, String what,
                               Runnable round) {
        return start(scheduler, every, every, log, what, round);
    }

    /** No round starts any more; one under way finishes. */
    public void stop() {
        LIVE.remove(this);
        future.cancel(false);
    }

    /** Stops {@code rounds} if they were started. */
    public static void stop(Rounds rounds) {
        if (rounds != null) {
            rounds.stop();
        }
    }
}
