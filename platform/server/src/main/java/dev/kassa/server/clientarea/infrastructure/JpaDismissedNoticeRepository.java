package dev.kassa.server.clientarea.infrastructure;

import dev.kassa.server.clientarea.domain.DismissedNoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** {@code dismissed_notices}, in native SQL: a small table without an entity, whose first insert wins. */
@ApplicationScoped
public class JpaDismissedNoticeRepository implements DismissedNoticeRepository {
    private EntityManager em;

    protected JpaDismissedNoticeRepository() {
    }

    @Inject
    public JpaDismissedNoticeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> dismissed(String tenantId, String accountId, Collection<String> topUpIds) {
        Set<String> found = new HashSet<>();
        for (String topUpId : topUpIds) {
            boolean there = !em.createNativeQuery("select 1 from dismissed_notices where tenant_id = ?1"
                            + " and account_id = ?2 and top_up_id = ?3")
                    .setParameter(1, tenantId).setParameter(2, accountId).setParameter(3, topUpId)
                    .getResultList().isEmpty();
            if (there) {
                found.add(topUpId);
            }
        }
        return found;
    }

    @Override
    public void dismiss(String tenantId, String accountId, String topUpId, Instant at) {
        em.createNativeQuery("insert into dismissed_notices (tenant_id, account_id, top_up_id, dismissed_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, accountId).setParameter(3, topUpId)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }
}
