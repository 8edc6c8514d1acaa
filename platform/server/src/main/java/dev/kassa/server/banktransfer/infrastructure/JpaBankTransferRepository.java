package dev.kassa.server.banktransfer.infrastructure;

import dev.kassa.server.banktransfer.domain.BankTransfer;
import dev.kassa.server.banktransfer.domain.BankTransferRepository;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Bank transfers in {@code bank_transfers}. */
@ApplicationScoped
public class JpaBankTransferRepository implements BankTransferRepository {
    private EntityManager em;

    protected JpaBankTransferRepository() {
    }

    @Inject
    public JpaBankTransferRepository(EntityManager em) {
        this.em = em;
    }

    /** Native SQL: a duplicate bank transaction id must lose the race quietly ({@code on conflict do nothing}). */
    @Override
    public boolean addIfNew(BankTransfer t) {
        return em.createNativeQuery("insert into bank_transfers (id, tenant_id, bank_transaction_id,"
                        + " reference, amount_minor, currency, payer_name, received_at, status, account_id, top_up_id,"
                        + " credited_minor, credited_currency, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                        // typed casts: a null parameter is otherwise bound as text
                        + " cast(?8 as timestamp with time zone), ?9, ?10, ?11, cast(?12 as bigint),"
                        + " cast(?13 as char(3)), ?14) on conflict do nothing")
                .setParameter(1, t.id()).setParameter(2, t.tenantId()).setParameter(3, t.bankTransactionId())
                .setParameter(4, t.reference()).setParameter(5, t.amount().minor())
                .setParameter(6, t.amount().currency().code()).setParameter(7, t.payerName())
                .setParameter(8, t.receivedAt() == null ? null : Timestamp.from(t.receivedAt()))
                .setParameter(9, t.status().name())
                .setParameter(10, t.accountId())
                .setParameter(11, t.topUpId())
                .setParameter(12, t.credited() == null ? null : t.credited().minor())
                .setParameter(13, t.credited() == null ? null : t.credited().currency().code())
                .setParameter(14, Timestamp.from(t.createdAt()))
                .executeUpdate() > 0;
    }

    @Override
    public Optional<BankTransfer> find(String tenantId, String id) {
        return TenantRows.find(em, BankTransfer.class, tenantId, id);
    }

    @Override
    public BankTransfer lock(String tenantId, String id) {
        return TenantRows.lock(em, BankTransfer.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public Optional<BankTransfer> findByBankTransactionId(String tenantId, String bankTransactionId) {
        return em.createQuery("select b from BankTransfer b where b.tenantId = :tenant"
                        + " and b.bankTransactionId = :bankTx", BankTransfer.class)
                .setParameter("tenant", tenantId).setParameter("bankTx", bankTransactionId)
                .getResultStream().findFirst();
    }

    @Override
    public List<BankTransfer> page(String tenantId, BankTransfer.Status status, String after, int limit) {
        var query = em.createQuery("select b from BankTransfer b where b.tenantId = :tenant"
                        + (status == null ? "" : " and b.status = :status")
                        + (after == null ? "" : " and b.id < :after") + " order by b.id desc", BankTransfer.class)
                .setParameter("tenant", tenantId);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }
}
