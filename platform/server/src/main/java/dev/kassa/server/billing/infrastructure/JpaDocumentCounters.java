package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PessimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Counters in {@code document_counters}, one row per tenant, series and year. Native SQL, because
 * JPA can say neither part: the first use of a year inserts its row with {@code ON CONFLICT DO
 * NOTHING} (two first finalisations at once both go on, and neither fails on the key), then the
 * increment updates the row, which takes its lock until the finalising transaction commits or rolls
 * back. Finalisations of one series queue on that row; a rollback gives the number back. On
 * PostgreSQL the three are one statement ({@code ON CONFLICT DO UPDATE … RETURNING}), with the same lock.
 */
@ApplicationScoped
public class JpaDocumentCounters implements DocumentCounters {
    private static final String TAKE = "INSERT INTO document_counters (tenant_id, series, doc_year, last_value)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, series, doc_year)"
            + " DO UPDATE SET last_value = document_counters.last_value + EXCLUDED.last_value RETURNING last_value";

    private EntityManager em;
    /** Null until the first number has looked at the database. */
    private volatile Boolean postgres;

    protected JpaDocumentCounters() {
    }

    @Inject
    public JpaDocumentCounters(EntityManager em) {
        this.em = em;
    }

    @Override
    public long take(String tenantId, DocumentSeries series, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("take at least one number, not " + count);
        }
        if (!Boolean.FALSE.equals(postgres)) {
            OptionalLong one = inOneStatement(tenantId, series, year, count);
            if (one.isPresent()) {
                return one.getAsLong();
            }
        }
        em.createNativeQuery("INSERT INTO document_counters (tenant_id, series, doc_year, last_value)"
                        + " VALUES (?1, ?2, ?3, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year).executeUpdate();
        int updated = em.createNativeQuery("UPDATE document_counters SET last_value = last_value + ?4"
                        + " WHERE tenant_id = ?1 AND series = ?2 AND doc_year = ?3")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year)
                .setParameter(4, count).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no counter row for " + series + " " + year);
        }
        Object value = em.createNativeQuery("SELECT last_value FROM document_counters"
                        + " WHERE tenant_id = ?1 AND series = ?2 AND doc_year = ?3")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year).getSingleResult();
        return ((Number) value).longValue();
    }

    /**
     * PostgreSQL: the insert, the increment and the read as one statement (a renewal makes an
     * invoice per service, so three round trips per number added up), with the same row lock until
     * the transaction ends. Empty on H2, which has no {@code ON CONFLICT DO UPDATE}.
     */
    private OptionalLong inOneStatement(String tenantId, DocumentSeries series, int year, int count) {
        // The connection of the current JTA transaction, the one EclipseLink writes on: not ours to close.
        Connection connection = em.unwrap(Connection.class);
        try {
            if (postgres == null) {
                postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
                if (!postgres) {
                    return OptionalLong.empty();
                }
            }
            try (PreparedStatement s = connection.prepareStatement(TAKE)) {
                s.setString(1, tenantId);
                s.setString(2, series.name());
                s.setInt(3, year);
                s.setLong(4, count);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return OptionalLong.of(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("40") || state.equals("55P03")) {
                // Deadlock or lock timeout: a conflict the client may retry (409), as on the JPA path.
                throw new PessimisticLockException(e.getMessage(), e);
            }
            throw new IllegalStateException("numbering " + series + " " + year + " failed", e);
        }
    }
}
