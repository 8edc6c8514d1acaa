package dev.kassa.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        // Microseconds: what both databases store, so a created resource reads back identical.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
