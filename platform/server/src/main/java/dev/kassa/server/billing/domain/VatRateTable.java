package dev.kassa.server.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard VAT rates by country, each in force from a date: the rate of a supply is the one of the
 * latest period that began on or before the supply date. An immutable value, read once from the
 * rates file the server ships.
 */
public final class VatRateTable {
    /** One period of a country's standard rate; {@code effectiveFrom} as the file writes it ({@code 0000-01-01}: always). */
    public record Period(LocalDate from, String effectiveFrom, BigDecimal standard) { }

    /** The rate that applies, with the date of the table's period it comes from. */
    public record Rate(BigDecimal percent, String effectiveFrom) { }

    private final Map<String, List<Period>> periods;

    public VatRateTable(Map<String, List<Period>> periods) {
        this.periods = Map.copyOf(periods.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().sorted(Comparator.comparing(Period::from).reversed())
                        .toList())));
    }

    /** The standard rate in {@code country} on {@code date}; empty for a country the table does not hold. */
    public Optional<Rate> standardRate(String country, LocalDate date) {
        for (Period period : periods.getOrDefault(country, List.of())) {
            if (!period.from().isAfter(date)) {
                return Optional.of(new Rate(period.standard(), period.effectiveFrom()));
            }
        }
        return Optional.empty();
    }

    public boolean holds(String country) {
        return periods.containsKey(country);
    }
}
