package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.RenewalCardChargeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code renewal_card_charges}, in native SQL: a row is a claim, taken with {@code ON CONFLICT DO NOTHING}. */
@ApplicationScoped
public class JpaRenewalCardChargeRepository implements RenewalCardChargeRepository {
    private EntityManager em;

    protected JpaRenewalCardChargeRepository() {
    }

    @Inject
    public JpaRenewalCardChargeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Candidate> untaken(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.tenant_id, s.id, s.account_id, i.payer_id, i.id"
                        + " from services s join invoices i on i.id = s.unpaid_invoice_id and i.tenant_id = s.tenant_id"
                        + " where s.status <> 'TERMINATED' and i.status = 'NEW' and not exists"
                        + " (select 1 from renewal_card_charges c where c.invoice_id = i.id) order by s.updated_at, s.id")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Candidate((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    @Override
    public boolean take(Candidate c, Instant now) {
        Timestamp at = Timestamp.from(now);
        return em.createNativeQuery("insert into renewal_card_charges (invoice_id, tenant_id, service_id, outcome,"
                        + " created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, c.invoiceId()).setParameter(2, c.tenantId()).setParameter(3, c.serviceId())
                .setParameter(4, CHARGING).setParameter(5, at).setParameter(6, at).executeUpdate() == 1;
    }

    @Override
    public Optional<String> outcome(String tenantId, String invoiceId) {
        return column("outcome", tenantId, invoiceId);
    }

    @Override
    public Optional<String> serviceId(String tenantId, String invoiceId) {
        return column("service_id", tenantId, invoiceId);
    }

    private Optional<String> column(String column, String tenantId, String invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select " + column + " from renewal_card_charges"
                        + " where tenant_id = ?1 and invoice_id = ?2")
                .setParameter(1, tenantId).setParameter(2, invoiceId).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    @Override
    public void record(String tenantId, String invoiceId, String topUpId, String outcome, Instant now) {
        em.createNativeQuery("update renewal_card_charges set top_up_id = coalesce(cast(?1 as varchar(40)), top_up_id), outcome = ?2,"
                        + " updated_at = ?3 where tenant_id = ?4 and invoice_id = ?5")
                .setParameter(1, topUpId).setParameter(2, outcome).setParameter(3, Timestamp.from(now))
                .setParameter(4, tenantId).setParameter(5, invoiceId).executeUpdate();
    }
}
