package dev.kassa.server.currency.application;

import java.time.LocalDate;
import java.util.List;

/** CDI event: tables of {@code source} for {@code dates} were stored (fired only when something was). */
public record RatesImported(String source, List<LocalDate> dates) {
    public RatesImported {
        dates = List.copyOf(dates);
    }
}
