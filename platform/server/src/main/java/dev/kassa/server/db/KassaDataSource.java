package dev.kassa.server.db;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one data source Payara pools for Kassa. It picks the database at start from
 * {@code KASSA_DB_URL}: a {@code jdbc:postgresql:} URL selects PostgreSQL, anything else (or
 * nothing) the embedded H2 file in {@code KASSA_DATA_DIR}. Choosing here, in code, sidesteps
 * Payara ignoring the {@code url} of a PostgreSQL {@code @DataSourceDefinition} (payara/Payara#4864).
 */
public class KassaDataSource implements DataSource {
    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** The JDBC URL Kassa uses with the current settings. */
    public static String configuredUrl() {
        String url = setting("KASSA_DB_URL");
        if (url != null) {
            return url;
        }
        String dataDir = setting("KASSA_DATA_DIR");
        Path dir = Path.of(dataDir == null ? "./data" : dataDir).toAbsolutePath().normalize();
        // No DATABASE_TO_LOWER: Liquibase 4.33 then fails to find its changelog table on the second start.
        // TRACE_LEVEL_FILE=0: H2 would otherwise write kassa.trace.db beside the database for errors the
        // caller already receives as exceptions, such as Liquibase probing for its tables on a new database.
        return "jdbc:h2:file:" + dir.resolve("kassa")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
    }

    /**
     * A setting as MicroProfile Config would resolve it from its two default sources: a system
     * property wins over an environment variable. Read directly because the pool may open its first
     * connection while the application is still being deployed, before MicroProfile Config serves it.
     */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private DataSource delegate() {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                ds = delegate;
            }
        }
        return ds;
    }

    private static DataSource create() {
        String url = configuredUrl();
        String user = setting("KASSA_DB_USER");
        String password = setting("KASSA_DB_PASSWORD");
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            if (user != null) {
                pg.setUser(user);
            }
            if (password != null) {
                pg.setPassword(password);
            }
            pg.setReWriteBatchedInserts(true);
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "kassa" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        throw new IllegalStateException("KASSA_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
