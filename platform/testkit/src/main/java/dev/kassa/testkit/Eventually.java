package dev.kassa.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for something the server does in the background (a webhook applied, a mail sent). */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds, asking every 200 ms.
     *
     * @throws AssertionError when it does not hold within 30 s
     */
    public static void until(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
