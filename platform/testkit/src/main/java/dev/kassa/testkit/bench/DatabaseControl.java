package dev.kassa.testkit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

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

    /**
     * Sets server parameters that take effect on a reload (such as {@code max_wal_size} or
     * {@code checkpoint_timeout}) with {@code ALTER SYSTEM}, then reloads and checks each took.
     */
    void setServerParameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!p.getKey().matches("[a-z_]+") || !p.getValue().matches("[A-Za-z0-9_.]+")) {
                    throw new IllegalArgumentException("PostgreSQL parameter: " + p.getKey() + "=" + p.getValue());
                }
                s.execute("ALTER SYSTEM SET " + p.getKey() + " = '" + p.getValue() + "'");
            }
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // A new session, so the reloaded configuration is the one it reads.
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select pending_restart from pg_settings where name = ?")) {
            for (String name : parameters.keySet()) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("PostgreSQL has no parameter " + name);
                    }
                    if (rs.getBoolean(1)) {
                        throw new IllegalArgumentException(name + " needs a restart; the benchmark can only reload");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        return "PostgreSQL " + show("server_version") + ", fsync=" + show("fsync") + ", synchronous_commit="
                + show("synchronous_commit") + ", wal_sync_method=" + show("wal_sync_method") + ", shared_buffers="
                + show("shared_buffers") + ", max_wal_size=" + show("max_wal_size") + ", checkpoint_timeout="
                + show("checkpoint_timeout");
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
