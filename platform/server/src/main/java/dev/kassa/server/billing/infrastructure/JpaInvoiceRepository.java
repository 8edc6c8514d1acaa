package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Invoices in {@code invoices}, their lines in {@code invoice_lines}. */
@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {
    private EntityManager em;

    protected JpaInvoiceRepository() {
    }

    @Inject
    public JpaInvoiceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Invoice> find(String tenantId, String id) {
        return TenantRows.find(em, Invoice.class, tenantId, id);
    }

    @Override
    public Invoice lock(String tenantId, String id) {
        // Flushing is at commit: an invoice drafted or finalised earlier in this transaction (a renewal
        // does both, then pays) must be written before the locking query reads, and refreshes, it.
        em.flush();
        return TenantRows.lock(em, Invoice.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public List<Invoice> page(String tenantId, String accountId, InvoiceStatus status, String after, int limit) {
        var query = em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.accountId = :account"
                        + (status == null ? "" : " and i.status = :status")
                        + (after == null ? "" : " and i.id < :after") + " order by i.id desc", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public List<Invoice> pageFinalized(String tenantId, String accountId, String after, int limit) {
        var query = em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.accountId = :account"
                        + " and i.status <> :draft" + (after == null ? "" : " and i.id < :after") + " order by i.id desc",
                        Invoice.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setParameter("draft", InvoiceStatus.DRAFT);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    @Override
    public void add(Invoice invoice) {
        em.persist(invoice);
    }
}
