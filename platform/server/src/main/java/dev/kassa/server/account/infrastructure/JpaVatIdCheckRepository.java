package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdCheckRepository;
import dev.kassa.server.db.TenantRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The check columns of {@code payers}; the claim is native SQL for {@code FOR UPDATE SKIP LOCKED}. */
@ApplicationScoped
public class JpaVatIdCheckRepository implements VatIdCheckRepository {
    private EntityManager em;

    protected JpaVatIdCheckRepository() {
    }

    @Inject
    public JpaVatIdCheckRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<?> rows = em.createNativeQuery("select id, tenant_id, account_id, vat_id from payers"
                        + " where vat_check_next_at <= ?1 and vat_id is not null"
                        + " order by vat_check_next_at, id limit ?2 for update skip locked")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        List<Due> due = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            due.add(new Due((String) r[1], (String) r[2], (String) r[0], (String) r[3]));
        }
        for (Due d : due) {
            em.createNativeQuery("update payers set vat_check_next_at = ?1 where id = ?2 and tenant_id = ?3")
                    .setParameter(1, Timestamp.from(leaseUntil)).setParameter(2, d.payerId())
                    .setParameter(3, d.tenantId()).executeUpdate();
        }
        return due;
    }

    @Override
    public Optional<Payer> lockPayer(String tenantId, String payerId) {
        return TenantRows.lock(em, Payer.class, tenantId, payerId);
    }
}
