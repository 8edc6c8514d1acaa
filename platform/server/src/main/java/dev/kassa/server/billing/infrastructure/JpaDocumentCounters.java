package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.DocumentCounters;
import dev.kassa.server.billing.domain.DocumentSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Counters in {@code document_counters}, one row per tenant, series and year. Native SQL, because
 * JPA can say neither part: the first use of a year inserts its row with {@code ON CONFLICT DO
 * NOTHING} (two first finalisations at once both go on, and neither fails on the key), then the
 * increment updates the row, which takes its lock until the finalising transaction commits or rolls
 * back. Finalisations of one series queue on that row; a rollback gives the number back.
 */
@ApplicationScoped
public class JpaDocumentCounters implements DocumentCounters {
    private EntityManager em;

    protected JpaDocumentCounters() {
    }

    @Inject
    public JpaDocumentCounters(EntityManager em) {
        this.em = em;
    }

    @Override
    public long next(String tenantId, DocumentSeries series, int year) {
        em.createNativeQuery("INSERT INTO document_counters (tenant_id, series, doc_year, last_value)"
                        + " VALUES (?1, ?2, ?3, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year).executeUpdate();
        int updated = em.createNativeQuery("UPDATE document_counters SET last_value = last_value + 1"
                        + " WHERE tenant_id = ?1 AND series = ?2 AND doc_year = ?3")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no counter row for " + series + " " + year);
        }
        Object value = em.createNativeQuery("SELECT last_value FROM document_counters"
                        + " WHERE tenant_id = ?1 AND series = ?2 AND doc_year = ?3")
                .setParameter(1, tenantId).setParameter(2, series.name()).setParameter(3, year).getSingleResult();
        return ((Number) value).longValue();
    }
}
