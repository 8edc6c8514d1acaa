package dev.kassa.server.db;

import java.sql.SQLException;

/** Reads what went wrong in the database out of a persistence exception's causes. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** True when a unique constraint refused a row (SQLSTATE 23505 on PostgreSQL and H2). */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
