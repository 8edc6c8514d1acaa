package dev.kassa.api.payment;

import java.time.Duration;

/**
 * How long a plugin may wait for its gateway. A plugin that runs out of time answers
 * {@link Outcome#UNKNOWN}; the platform finds out later with {@link StatusQuery}.
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout) {
    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30));
}
