package dev.kassa.server.currency.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did, per publication date: {@code imported} were new and are now stored,
 * {@code skipped} were stored already and were left as they were. Both ascending.
 */
public record ImportResult(String source, List<LocalDate> imported, List<LocalDate> skipped) {
    public ImportResult {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
    }

    public boolean importedAny() {
        return !imported.isEmpty();
    }

    @Override
    public String toString() {
        return source + ": imported " + (imported.isEmpty() ? "nothing" : dates(imported))
                + ", skipped " + (skipped.isEmpty() ? "nothing" : dates(skipped) + " (already stored)");
    }

    /** Short for long lists: the 90-day file has 65 dates. */
    private static String dates(List<LocalDate> dates) {
        return dates.size() <= 3 ? dates.toString()
                : dates.size() + " dates " + dates.get(0) + ".." + dates.get(dates.size() - 1);
    }
}
