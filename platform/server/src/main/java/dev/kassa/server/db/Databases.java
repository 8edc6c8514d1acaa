package dev.kassa.server.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;

/** Which database Kassa runs on, for the few statements only PostgreSQL has. */
public final class Databases {
    /** Null until the first question has looked at the database; one database per process. */
    private static volatile Boolean postgres;

    private Databases() {
    }

    /** Whether the database of the caller's transaction is PostgreSQL (else H2). */
    public static boolean isPostgres(EntityManager em) {
        Boolean known = postgres;
        if (known != null) {
            return known;
        }
        // The connection of the current transaction: not ours to close.
        Connection connection = em.unwrap(Connection.class);
        try {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
        postgres = known;
        return known;
    }
}
