package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.CreditNoteRepository;
import dev.kassa.server.billing.domain.LineAmounts;
import dev.kassa.server.db.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Credit notes in {@code credit_notes}, their lines in {@code credit_note_lines}. */
@ApplicationScoped
public class JpaCreditNoteRepository implements CreditNoteRepository {
    private EntityManager em;

    protected JpaCreditNoteRepository() {
    }

    @Inject
    public JpaCreditNoteRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CreditNote> find(String tenantId, String id) {
        return TenantRows.find(em, CreditNote.class, tenantId, id);
    }

    @Override
    public List<CreditNote> page(String tenantId, String accountId, String invoiceId, String after, int limit) {
        var query = em.createQuery("select c from CreditNote c where c.tenantId = :tenant and c.accountId = :account"
                        + (invoiceId == null ? "" : " and c.invoiceId = :invoice")
                        + (after == null ? "" : " and c.id < :after") + " order by c.id desc", CreditNote.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId);
        if (invoiceId != null) {
            query.setParameter("invoice", invoiceId);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public Map<String, Credited> creditedLines(String tenantId, String invoiceId) {
        List<Object[]> rows = em.createQuery("select l.invoiceLineId, sum(l.quantity), sum(l.netMinor),"
                        + " sum(l.vatMinor), sum(l.grossMinor) from CreditNoteLine l, CreditNote c"
                        + " where l.creditNote = c and c.tenantId = :tenant and c.invoiceId = :invoice"
                        + " group by l.invoiceLineId", Object[].class)
                .setParameter("tenant", tenantId).setParameter("invoice", invoiceId).getResultList();
        Map<String, Credited> credited = new HashMap<>();
        for (Object[] row : rows) {
            credited.put((String) row[0], new Credited(((Number) row[1]).longValue(), new LineAmounts(
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue())));
        }
        return credited;
    }

    @Override
    public void add(CreditNote creditNote) {
        em.persist(creditNote);
    }
}
