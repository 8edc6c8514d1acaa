package dev.kassa.server.account.application;

import java.time.Duration;

/** How long the first retry waits after VIES could not answer (the operator's setting); it doubles after each. */
public interface VatIdRetry {
    Duration firstBackoff();
}
