package dev.kassa.server.schedule;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
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
    private final ScheduledFuture<?> future;

    private Rounds(ScheduledFuture<?> future) {
        this.future = future;
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
        return new Rounds(scheduler.scheduleWithFixedDelay(guarded, first.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** The same, the first round one {@code every} after start. */
    public static Rounds start(ManagedScheduledExecutorService scheduler, Duration every, Logger log, String what,
                               Runnable round) {
        return start(scheduler, every, every, log, what, round);
    }

    /** No round starts any more; one under way finishes. */
    public void stop() {
        future.cancel(false);
    }

    /** Stops {@code rounds} if they were started. */
    public static void stop(Rounds rounds) {
        if (rounds != null) {
            rounds.stop();
        }
    }
}
