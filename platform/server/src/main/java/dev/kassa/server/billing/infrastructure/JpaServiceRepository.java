package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.db.Databases;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Services in {@code services}. Native SQL for the billing run's claims only: {@code FOR UPDATE
 * SKIP LOCKED} lets a node pass over a service another node is renewing instead of waiting for it.
 */
@ApplicationScoped
public class JpaServiceRepository implements ServiceRepository {
    static final String RENEWAL = "status = 'ACTIVE' and auto_renew and next_renewal_at <= ?1";
    static final String SUSPENSION = "status = 'ACTIVE' and suspend_at <= ?1";
    static final String TERMINATION = "status <> 'TERMINATED' and (terminate_at <= ?1 or cancel_at <= ?1)";

    private EntityManager em;

    protected JpaServiceRepository() {
    }

    @Inject
    public JpaServiceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Service> find(String tenantId, String id) {
        return TenantRows.find(em, Service.class, tenantId, id);
    }

    @Override
    public Service lock(String tenantId, String id) {
        return TenantRows.lock(em, Service.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public List<Service> page(String tenantId, String accountId, ServiceStatus status, String after, int limit) {
        var query = em.createQuery("select s from Service s where s.tenantId = :tenant and s.accountId = :account"
                        + (status == null ? "" : " and s.status = :status")
                        + (after == null ? "" : " and s.id < :after") + " order by s.id desc", Service.class)
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
    public void add(Service service) {
        em.persist(service);
    }

    /*
     * The renewal and suspension claims read their index in order and stop after the first rows
     * they can lock. PostgreSQL may plan them otherwise when its statistics say few services are
     * due while many are (a reseller's whole batch comes due at once, before the table is analysed
     * again): it then read every due service, through a bitmap or the whole table, and sorted them,
     * for each claim of a batch, so a backlog of 100,000 cost 100,000 rows per claim, and the run
     * went as fast as the moment autovacuum happened to analyse the table. Sorting is therefore off
     * for the claim (its one statement; on again right after it), which leaves the index's own order
     * as the only way. The termination claim keeps its plan: it reads two indexes at once
     * (terminate_at or cancel_at) and has to sort what it finds.
     */
    static final String CLAIM_IN_INDEX_ORDER = "set local enable_sort = off";
    static final String CLAIM_DONE = "reset enable_sort";

    @Override
    public List<Service> lockDue(Due kind, Instant now, Collection<String> skip, int limit) {
        Query query = em.createNativeQuery(claim(kind, skip.size(), limit)).setParameter(1, Timestamp.from(now));
        int p = 2;
        for (String id : skip) {
            query.setParameter(p++, id);
        }
        boolean inIndexOrder = kind != Due.TERMINATION && Databases.isPostgres(em);
        if (inIndexOrder) {
            em.createNativeQuery(CLAIM_IN_INDEX_ORDER).executeUpdate();
        }
        List<?> ids = query.getResultList();
        if (inIndexOrder) {
            // Not in a finally: a claim that failed leaves the transaction to roll back, setting and all.
            em.createNativeQuery(CLAIM_DONE).executeUpdate();
        }
        return loadInOrder(ids);
    }

    /** The claim's SQL: ?1 the instant, then one parameter per id to skip. */
    static String claim(Due kind, int skips, int limit) {
        String where;
        String order;
        switch (kind) {
            case RENEWAL:
                where = RENEWAL;
                order = "next_renewal_at";
                break;
            case SUSPENSION:
                where = SUSPENSION;
                order = "suspend_at";
                break;
            default:
                where = TERMINATION;
                order = "id";
        }
        StringBuilder sql = new StringBuilder("select id from services where ").append(where);
        int n = 2;
        for (int i = 0; i < skips; i++) {
            sql.append(i == 0 ? " and id not in (" : ", ").append('?').append(n++);
        }
        if (skips > 0) {
            sql.append(')');
        }
        return sql.append(" order by ").append(order).append(", id limit ").append(Math.max(1, limit))
                .append(" for update skip locked").toString();
    }

    /** The claimed services, due longest ago first (the claim's order). */
    private List<Service> loadInOrder(List<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() == 1) {
            // The row is locked by this transaction now; reading it as an entity does not wait.
            return Optional.ofNullable(em.find(Service.class, ids.get(0))).map(List::of).orElse(List.of());
        }
        // One query for the batch, then back into the claim's order (due longest ago first).
        Map<String, Service> byId = new HashMap<>();
        em.createQuery("select s from Service s where s.id in :ids", Service.class).setParameter("ids", ids)
                .getResultList().forEach(s -> byId.put(s.id(), s));
        List<Service> found = new ArrayList<>(ids.size());
        for (Object id : ids) {
            Service service = byId.get((String) id);
            if (service != null) {
                found.add(service);
            }
        }
        return found;
    }

    @Override
    public int planVatRechecks(Instant dueBy, Instant checkedBefore, Instant now, int limit) {
        return em.createNativeQuery("update payers set vat_check_next_at = ?3 where id in ("
                        + "select p.id from services s join payers p on p.id = s.payer_id and p.tenant_id = s.tenant_id"
                        + " where s.status = 'ACTIVE' and s.auto_renew and s.next_renewal_at <= ?1"
                        + " and p.vat_check_status = 'VALID' and p.vat_checked_at < ?2 and p.vat_check_next_at is null"
                        + " limit ?4)")
                .setParameter(1, Timestamp.from(dueBy)).setParameter(2, Timestamp.from(checkedBefore))
                .setParameter(3, Timestamp.from(now)).setParameter(4, limit).executeUpdate();
    }

    @Override
    public List<Service> lockAwaiting(String tenantId, String invoiceId) {
        return em.createQuery("select s from Service s where s.tenantId = :tenant and s.unpaidInvoiceId = :invoice"
                        + " order by s.id", Service.class)
                .setParameter("tenant", tenantId).setParameter("invoice", invoiceId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
