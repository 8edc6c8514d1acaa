package dev.kassa.server.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rounds on a real scheduler with one thread, as the container's default one is. */
class RoundsTest {
    private static final Logger LOG = Logger.getLogger(RoundsTest.class.getName());

    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);
    /** The container's interface over a plain one-thread scheduler: only the methods Rounds calls are used. */
    private final ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
                try {
                    return ScheduledThreadPoolExecutor.class.getMethod(method.getName(), method.getParameterTypes())
                            .invoke(thread, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void aLongRoundSeesAnotherRoundWaitingForTheThreadOnlyOnceThatOneIsDue() throws Exception {
        CountDownLatch longRoundStarted = new CountDownLatch(1);
        CountDownLatch otherDue = new CountDownLatch(1);
        AtomicReference<Rounds> longRounds = new AtomicReference<>();
        AtomicBoolean sawNothingAtFirst = new AtomicBoolean();
        AtomicBoolean sawTheOtherLater = new AtomicBoolean();
        CountDownLatch longRoundDone = new CountDownLatch(1);
        AtomicBoolean otherRan = new AtomicBoolean();

        Rounds other = Rounds.start(scheduler, Duration.ofMillis(300), Duration.ofHours(1), LOG, "Other round",
                () -> otherRan.set(true));
        longRounds.set(Rounds.start(scheduler, Duration.ZERO, Duration.ofHours(1), LOG, "Long round", () -> {
            longRoundStarted.countDown();
            while (longRounds.get() == null) {
                Thread.onSpinWait();
            }
            sawNothingAtFirst.set(!longRounds.get().anotherIsWaiting());
            try {
                otherDue.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sawTheOtherLater.set(longRounds.get().anotherIsWaiting());
            longRoundDone.countDown();
        }));
        assertTrue(longRoundStarted.await(5, TimeUnit.SECONDS));
        Thread.sleep(500); // the other round is due now, and waits: the only thread is the long round's
        assertFalse(otherRan.get(), "the other round cannot run while the long one holds the thread");
        otherDue.countDown();
        assertTrue(longRoundDone.await(5, TimeUnit.SECONDS));

        assertTrue(sawNothingAtFirst.get(), "before the other round is due, nothing waits");
        assertTrue(sawTheOtherLater.get(), "once it is due, the long round sees it waiting");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!otherRan.get() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(otherRan.get(), "the other round runs once the long one has ended");
        other.stop();
        longRounds.get().stop();
    }

    @Test
    void aStoppedRoundIsNeverSeenWaiting() throws Exception {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Rounds stopped = Rounds.start(scheduler, Duration.ZERO, Duration.ofMillis(1), LOG, "Stopped round", () -> { });
        stopped.stop();
        AtomicReference<Rounds> mine = new AtomicReference<>();
        mine.set(Rounds.start(scheduler, Duration.ofMillis(50), Duration.ofHours(1), LOG, "Mine", () -> {
            seen.set(mine.get().anotherIsWaiting());
            done.countDown();
        }));
        assertTrue(done.await(5, TimeUnit.SECONDS));

        assertFalse(seen.get());
        mine.get().stop();
    }
}
