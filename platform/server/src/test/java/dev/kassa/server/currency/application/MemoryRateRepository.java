package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One source's tables by date, as the database keeps them; for tests. */
public final class MemoryRateRepository implements RateRepository {
    public final TreeMap<LocalDate, RateTable> stored = new TreeMap<>();
    /** Every insert finds the date taken, as when a concurrent import commits first. */
    public boolean loseEveryRace;

    @Override
    public Optional<RateTable> tableInForce(String source, LocalDate date) {
        return Optional.ofNullable(stored.floorEntry(date)).map(Map.Entry::getValue);
    }

    @Override
    public List<RateTable> tables(String source, LocalDate from, LocalDate to) {
        return List.copyOf(stored.subMap(from, true, to, true).values());
    }

    @Override
    public boolean insertIfAbsent(RateTable table) {
        if (loseEveryRace || stored.containsKey(table.date())) {
            return false;
        }
        stored.put(table.date(), table);
        return true;
    }
}
