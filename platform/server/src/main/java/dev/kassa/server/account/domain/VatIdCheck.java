package dev.kassa.server.account.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The check of a payer's VAT ID with VIES, as it stands: the VAT ID it is about, its status, the
 * consultation number, name and address of the last answer and when it came ({@code checkedAt},
 * null while no answer came), the outages in a row since, when the next attempt is due (null when
 * none is planned) and the last outage's code.
 */
public record VatIdCheck(String vatId, VatIdCheckStatus status, String consultationNumber, String name,
                         String address, Instant checkedAt, int attempts, Instant nextAttemptAt, String lastError) {
    /** Whether VIES said valid no longer ago than {@code maxAge}. */
    public boolean validWithin(Duration maxAge, Instant now) {
        return status == VatIdCheckStatus.VALID && checkedAt != null && !checkedAt.plus(maxAge).isBefore(now);
    }
}
