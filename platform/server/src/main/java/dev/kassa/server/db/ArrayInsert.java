package dev.kassa.server.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Many new rows in one PostgreSQL statement, each column passed as one {@code text[]} parameter
 * (the statement unnests them and casts what is not text), so its text is the same for any number
 * of rows and is prepared once. It runs now, on the connection of the caller's JTA transaction (the
 * one EclipseLink writes on), not at the commit; the rows are not in the persistence context. On H2
 * it does nothing and answers false: the caller persists the rows as entities instead.
 */
public final class ArrayInsert {
    private ArrayInsert() {
    }

    /**
     * Runs {@code sql} with {@code columns[c]} as its parameter {@code c + 1}.
     *
     * @return false, having done nothing, when the database is not PostgreSQL
     * @throws IllegalStateException when the statement fails or writes another number of rows than
     *     {@code rows}; the caller's transaction is then to roll back
     */
    public static boolean run(EntityManager em, String sql, String[][] columns, int rows, String what) {
        if (!Databases.isPostgres(em)) {
            return false;
        }
        // The transaction's connection: not ours to close.
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                s.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            int written = s.executeUpdate();
            if (written != rows) {
                throw new IllegalStateException("wrote " + written + " of " + rows + " " + what);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + rows + " " + what + " failed", e);
        }
    }
}
