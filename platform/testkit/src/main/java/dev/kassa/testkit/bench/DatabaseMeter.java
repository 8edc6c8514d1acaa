package dev.kassa.testkit.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL wrote during a phase besides the rows themselves: WAL (bytes, and the full-page
 * images a checkpoint makes the next change of each page write), checkpoints, and the autovacuum and
 * autoanalyze runs on our tables. Two runs of the same work that differ in time usually differ here:
 * a checkpoint inside the timed window, or autovacuum on a growing table, costs CPU the work itself
 * does not. And the rows each table gained or changed, with how many of the updates were HOT (no
 * index touched), to see what one unit of work writes. Reads the statistics views of PostgreSQL 14
 * ({@code pg_stat_wal}, {@code pg_stat_bgwriter}, {@code pg_stat_user_tables}).
 */
final class DatabaseMeter {
    private static final String SNAPSHOT = """
            select pg_current_wal_lsn() - '0/0'::pg_lsn,
                   (select wal_fpi from pg_stat_wal),
                   (select checkpoints_timed from pg_stat_bgwriter),
                   (select checkpoints_req from pg_stat_bgwriter),
                   (select coalesce(sum(autovacuum_count), 0) from pg_stat_user_tables),
                   (select coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables)""";

    private final Connection db;

    DatabaseMeter(Connection db) {
        this.db = db;
    }

    /** Rows a table gained, changed (of which HOT, no index written) and lost. */
    record Rows(long inserted, long updated, long hotUpdated, long deleted, long tableBytes, long indexBytes) {
        Rows minus(Rows o) {
            return new Rows(inserted - o.inserted, updated - o.updated, hotUpdated - o.hotUpdated, deleted - o.deleted,
                    tableBytes - o.tableBytes, indexBytes - o.indexBytes);
        }

        boolean any() {
            return inserted != 0 || updated != 0 || deleted != 0;
        }
    }

    record Snapshot(long walBytes, long fullPages, long timedCheckpoints, long requestedCheckpoints, long autovacuums,
                    long autoanalyzes, Map<String, Rows> tables) { }

    record Activity(long walBytes, long fullPages, long timedCheckpoints, long requestedCheckpoints, long autovacuums,
                    long autoanalyzes, Map<String, Rows> tables) {
        String describe() {
            return String.format(Locale.ROOT, "WAL %.0f MB (%,d full-page images); checkpoints %d timed, %d requested;"
                            + " autovacuum %d, autoanalyze %d", walBytes / 1048576.0, fullPages, timedCheckpoints,
                    requestedCheckpoints, autovacuums, autoanalyzes);
        }

        /**
         * Per unit of work (a renewal): WAL bytes, then per table rows inserted, updated (HOT) and
         * deleted, and what the table (with its TOAST) and its indexes grew by.
         */
        String perUnit(long units) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "per unit: WAL %,.0f bytes;",
                    (double) walBytes / units));
            tables.forEach((table, rows) -> {
                b.append(' ').append(table).append(String.format(Locale.ROOT, " +%.2f", (double) rows.inserted() / units));
                if (rows.updated() != 0) {
                    b.append(String.format(Locale.ROOT, " ~%.2f (HOT %.2f)", (double) rows.updated() / units,
                            (double) rows.hotUpdated() / units));
                }
                if (rows.deleted() != 0) {
                    b.append(String.format(Locale.ROOT, " -%.2f", (double) rows.deleted() / units));
                }
                b.append(String.format(Locale.ROOT, " (%,.0f B, indexes %,.0f B)", (double) rows.tableBytes() / units,
                        (double) rows.indexBytes() / units));
                b.append(';');
            });
            return b.toString();
        }
    }

    /** The counters now; the statistics collector lags by up to half a second, as it always does. */
    Snapshot snapshot() throws SQLException {
        Map<String, Rows> tables = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd,"
                + " n_tup_hot_upd, n_tup_del, pg_table_size(relid), pg_indexes_size(relid) from pg_stat_user_tables")) {
            while (rs.next()) {
                tables.put(rs.getString(1), new Rows(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)));
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            rs.next();
            return new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), tables);
        }
    }

    Activity since(Snapshot before) throws SQLException {
        Snapshot now = snapshot();
        Map<String, Rows> tables = new TreeMap<>();
        now.tables().forEach((table, rows) -> {
            Rows delta = rows.minus(before.tables().getOrDefault(table, new Rows(0, 0, 0, 0, 0, 0)));
            if (delta.any()) {
                tables.put(table, delta);
            }
        });
        return new Activity(now.walBytes() - before.walBytes(), now.fullPages() - before.fullPages(),
                now.timedCheckpoints() - before.timedCheckpoints(),
                now.requestedCheckpoints() - before.requestedCheckpoints(), now.autovacuums() - before.autovacuums(),
                now.autoanalyzes() - before.autoanalyzes(), tables);
    }
}
