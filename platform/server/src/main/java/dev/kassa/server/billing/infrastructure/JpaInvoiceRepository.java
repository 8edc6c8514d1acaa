package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.KassaException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Invoices in {@code invoices}, their lines in {@code invoice_lines}. An invoice created in the
 * current transaction is locked without a query: no other transaction can see it before the
 * commit, so there is nothing to wait for, and the flush the locking query needs (which compares
 * every object the transaction read, so a batch of renewals paid for it again and again) is skipped.
 */
@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {
    /** The key of the ids of the invoices created by the transaction, among its resources. */
    private static final Object CREATED = new Object();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions; // resource injection has no constructor form
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
    public boolean createdInThisTransaction(String id) {
        return created().contains(id);
    }

    @Override
    public Invoice lock(String tenantId, String id) {
        if (created().contains(id)) {
            return TenantRows.find(em, Invoice.class, tenantId, id).orElseThrow(KassaException::notFound);
        }
        // Flushing is at commit: an invoice drafted or finalised earlier in this transaction (a renewal
        // does both, then pays) must be written before the locking query reads, and refreshes, it.
        em.flush();
        return TenantRows.lock(em, Invoice.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public List<Invoice> lockPrepaymentsLeft(String tenantId, String accountId) {
        // As in lock(): what this transaction took from a prepayment (and the credit notes that took it,
        // which the next credit note reads) must be written before the locking query refreshes them.
        em.flush();
        return em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.accountId = :account"
                        + " and i.prepaymentLeftMinor > 0 order by i.finalizedAt, i.id", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
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
    public Optional<Invoice> findByPaymentReference(String tenantId, String paymentReference) {
        return em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.paymentReference = :ref",
                        Invoice.class)
                .setParameter("tenant", tenantId).setParameter("ref", paymentReference)
                .getResultStream().findFirst();
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
        if (inTransaction()) {
            @SuppressWarnings("unchecked")
            Set<String> ids = (Set<String>) transactions.getResource(CREATED);
            if (ids == null) {
                ids = new HashSet<>();
                transactions.putResource(CREATED, ids);
            }
            ids.add(invoice.id());
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> created() {
        Set<String> ids = inTransaction() ? (Set<String>) transactions.getResource(CREATED) : null;
        return ids == null ? Set.of() : ids;
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
