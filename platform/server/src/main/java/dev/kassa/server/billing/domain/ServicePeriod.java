package dev.kassa.server.billing.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** How long one paid period of a service lasts, named as ISO 8601 periods are. */
public enum ServicePeriod {
    P1M(Period.ofMonths(1)), P3M(Period.ofMonths(3)), P6M(Period.ofMonths(6)), P1Y(Period.ofYears(1));

    private final Period length;

    ServicePeriod(Period length) {
        this.length = length;
    }

    /**
     * The end of a period that starts at {@code start}, counted in calendar months in UTC: a period
     * from 31 January ends on the last day of February, at the same time of day.
     */
    public Instant after(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(length).toInstant();
    }
}
