package dev.kassa.server.payment.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.db.InstantConverter;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.payment.domain.TopUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Payment attempts, their history, and the customers' ids at each gateway. */
@ApplicationScoped
public class PaymentAttempts {
    private EntityManager em;
    private Clock clock;

    protected PaymentAttempts() {
    }

    @Inject
    public PaymentAttempts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records a new top-up and its first attempt, and commits them before the gateway is called:
     * whatever happens next, the gateway's news about this attempt finds it.
     *
     * <p>The account is locked while the top-up is written and its currency checked against the
     * credit, since a currency change takes the same lock and refuses while a top-up is NEW: so a
     * top-up that gets paid can always be credited in the currency it promised.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(TopUp topUp, PaymentAttempt attempt) {
        Account account = TenantRows.lock(em, Account.class, topUp.tenantId(), topUp.accountId())
                .orElseThrow(KassaException::notFound);
        if (!account.currency().equals(topUp.credit().currency())) {
            throw KassaException.conflict("account.currency_changed", "Account currency changed",
                    "The account's currency changed to " + account.currency() + " while the top-up was being made; "
                            + "nothing was changed. Ask again.");
        }
        em.persist(topUp);
        em.flush(); // the attempt references the top-up
        em.persist(attempt);
        em.flush();
        event(attempt, AttemptStatus.UNKNOWN, "created", null, "before calling the gateway");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentAttempt lock(String tenantId, String attemptId) {
        return TenantRows.lock(em, PaymentAttempt.class, tenantId, attemptId).orElseThrow(KassaException::notFound);
    }

    /** The attempt a gateway event is about: by the gateway's reference, else by our id from its metadata. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PaymentAttempt> lockFor(String tenantId, String method, String gatewayReference, String attemptId) {
        return TenantRows.lockForGateway(em, PaymentAttempt.class, tenantId, method, gatewayReference, attemptId);
    }

    @Transactional
    public Optional<PaymentAttempt> find(String tenantId, String attemptId) {
        return TenantRows.find(em, PaymentAttempt.class, tenantId, attemptId);
    }

    /** The top-up's attempts with {@code method} still waiting for news, locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PaymentAttempt> lockOpen(String tenantId, String topUpId, String method) {
        return em.createQuery("select a from PaymentAttempt a where a.tenantId = :tenant and a.topUpId = :topUp"
                        + " and a.method = :method and a.status in ('UNKNOWN', 'PENDING', 'ACTION_REQUIRED')"
                        + " order by a.id", PaymentAttempt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).setParameter("method", method)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The top-up's attempts, newest first. */
    @Transactional
    public List<PaymentAttempt> forTopUp(String tenantId, String topUpId) {
        return em.createQuery("select a from PaymentAttempt a where a.tenantId = :tenant and a.topUpId = :topUp"
                        + " order by a.createdAt desc, a.id desc", PaymentAttempt.class)
                .setParameter("tenant", tenantId).setParameter("topUp", topUpId).getResultList();
    }

    @Transactional
    public Optional<PaymentAttempt> latest(String tenantId, String topUpId) {
        return forTopUp(tenantId, topUpId).stream().findFirst();
    }

    /** Appends to an attempt's history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void event(PaymentAttempt attempt, AttemptStatus status, String source, String eventId, String detail) {
        em.createNativeQuery("insert into payment_attempt_events (id, tenant_id, attempt_id, status, source, event_id,"
                        + " detail, created_at) values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar(255)),"
                        + " cast(?7 as varchar(1000)), ?8)")
                .setParameter(1, Ids.next("ate")).setParameter(2, attempt.tenantId()).setParameter(3, attempt.id())
                .setParameter(4, status.name()).setParameter(5, source).setParameter(6, eventId)
                .setParameter(7, detail == null ? null : truncate(detail, 1000))
                .setParameter(8, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** One entry of an attempt's history: what {@code source} (start, webhook, janitor, ...) said. */
    public record HistoryEntry(String status, String source, String eventId, String detail, java.time.Instant at) { }

    /** An attempt's history, oldest first. */
    @Transactional
    public List<HistoryEntry> history(String tenantId, String attemptId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, source, event_id, detail, created_at"
                        + " from payment_attempt_events where tenant_id = ?1 and attempt_id = ?2 order by created_at, id")
                .setParameter(1, tenantId).setParameter(2, attemptId).getResultList();
        return rows.stream().map(r -> new HistoryEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                InstantConverter.toInstant(r[4]))).toList();
    }

    /** The account's customer id at the method's gateway, if one was created. */
    @Transactional
    public Optional<String> gatewayCustomer(String tenantId, String method, String accountId) {
        return em.createNativeQuery("select reference from gateway_customers where tenant_id = ?1 and method = ?2"
                        + " and account_id = ?3")
                .setParameter(1, tenantId).setParameter(2, method).setParameter(3, accountId)
                .getResultStream().findFirst().map(Object::toString);
    }

    /** Keeps the first customer id a gateway gave for the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberCustomer(String tenantId, String method, String accountId, String reference) {
        if (reference == null) {
            return;
        }
        em.createNativeQuery("insert into gateway_customers (tenant_id, method, account_id, reference, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, method).setParameter(3, accountId)
                .setParameter(4, truncate(reference, 255)).setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
