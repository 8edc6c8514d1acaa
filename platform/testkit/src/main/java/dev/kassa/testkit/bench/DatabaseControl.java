package dev.kassa.testkit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Superuser chores on the benchmark's PostgreSQL: durability setting, checkpoints, a settings summary. */
final class DatabaseControl {
    private final String url;
    private final String user;
    private final String password;

    DatabaseControl(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Sets {@code synchronous_commit} for every new session of our user (Kassa's pool, pgbench),
     * before Kassa opens its pool. The embedded test database starts PostgreSQL with it off on the
     * command line (commits return before their WAL is flushed), which is not how a billing system
     * runs in production, so the benchmark defaults to on. A role setting beats the command line;
     * {@code ALTER SYSTEM} would not.
     */
    void setSynchronousCommit(String value) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE \"" + user + "\" SET synchronous_commit = '" + ("on".equals(value) ? "on" : "off") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String now = show("synchronous_commit");
        if (!value.equals(now)) {
            throw new IllegalStateException("synchronous_commit is " + now + ", not " + value);
        }
    }

    String describe() {
        return "PostgreSQL " + show("server_version") + ", fsync=" + show("fsync") + ", synchronous_commit="
                + show("synchronous_commit") + ", wal_sync_method=" + show("wal_sync_method") + ", shared_buffers="
                + show("shared_buffers") + ", max_wal_size=" + show("max_wal_size");
    }

    void checkpoint() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String show(String setting) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
