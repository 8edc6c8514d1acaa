package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Saved methods in the database, and the one set of rules for what a gateway says about them:
 * PENDING until confirmed; a confirmed method stays confirmed; a failure ends it.
 */
@ApplicationScoped
public class SavedMethodStore {
    private EntityManager em;
    private PaymentAttempts attempts;
    private PluginRegistry registry;
    private Backoff backoff;
    private Clock clock;

    protected SavedMethodStore() {
    }

    @Inject
    public SavedMethodStore(EntityManager em, PaymentAttempts attempts, PluginRegistry registry, Backoff backoff,
                            Clock clock) {
        this.em = em;
        this.attempts = attempts;
        this.registry = registry;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Commits the PENDING method before the gateway is called. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(SavedMethod method) {
        em.persist(method);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SavedMethod applyAlone(String tenantId, String id, SetupResult result) {
        SavedMethod method = lock(tenantId, id);
        apply(method, result);
        return method;
    }

    /** Applies news about a saved method the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SavedMethod method, SetupResult result) {
        Instant now = clock.instant();
        attempts.rememberCustomer(method.tenantId(), method.method(), method.accountId(), result.customerReference());
        if (method.status() != SavedMethod.Status.PENDING) {
            return; // confirmed, failed or removed: later news changes nothing
        }
        if (result.outcome() == Outcome.SUCCEEDED) {
            method.confirm(result.gatewayReference(), result.method(), now);
            if (confirmed(method.tenantId(), method.accountId()).stream().noneMatch(SavedMethod::isDefault)) {
                method.setDefault(true, now); // the first confirmed method of an account renews its services
            }
        } else if (result.outcome() == Outcome.DECLINED) {
            method.fail(result.reasonCode(), result.reason() == null ? "The method could not be saved." : result.reason(),
                    now);
        } else {
            method.pending(result.gatewayReference(), NextActions.toJson(result.nextAction()), now);
            boolean queryable = registry.method(method.method()).map(m -> m.can(SavedMethods.class)).orElse(false);
            method.scheduleCheck(queryable ? backoff.next(now, method.createdAt(), method.checkCount()) : null);
        }
    }

    /**
     * Keeps the card a customer asked to save while paying (the gateway confirmed it with the
     * payment), unless the payer has it already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adoptFromPayment(String tenantId, String accountId, String payerId, String methodCode,
                                 SavedMethodDetails details) {
        boolean known = confirmed(tenantId, accountId).stream()
                .anyMatch(s -> s.method().equals(methodCode) && details.token().equals(s.token()));
        if (known) {
            return;
        }
        Instant now = clock.instant();
        SavedMethod saved = new SavedMethod(Ids.next("spm"), tenantId, accountId, payerId, methodCode, now);
        boolean first = confirmed(tenantId, accountId).stream().noneMatch(SavedMethod::isDefault);
        saved.confirm(null, details, now);
        saved.setDefault(first, now);
        em.persist(saved);
    }

    /** The janitor cannot ask about this one (no gateway reference): it stops trying. */
    @Transactional
    public void stopChecking(String tenantId, String id) {
        lock(tenantId, id).scheduleCheck(null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SavedMethod lock(String tenantId, String id) {
        return TenantRows.lock(em, SavedMethod.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The saved method a gateway event is about: by the gateway's set-up reference, else by our id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SavedMethod> lockFor(String tenantId, String method, String gatewayReference, String id) {
        return TenantRows.lockForGateway(em, SavedMethod.class, tenantId, method, gatewayReference, id);
    }

    @Transactional
    public String gatewayCustomer(String tenantId, String method, String accountId) {
        return attempts.gatewayCustomer(tenantId, method, accountId).orElse(null);
    }

    @Transactional
    public Optional<SavedMethod> find(String tenantId, String id) {
        return TenantRows.find(em, SavedMethod.class, tenantId, id).filter(s -> s.status() != SavedMethod.Status.REMOVED);
    }

    /** The account's methods except removed ones, default first, then newest. */
    @Transactional
    public List<SavedMethod> list(String tenantId, String accountId) {
        return em.createQuery("select s from SavedMethod s where s.tenantId = :tenant and s.accountId = :account"
                        + " and s.status <> 'REMOVED' order by s.createdAt desc, s.id desc", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId).getResultList().stream()
                .sorted(Comparator.comparing((SavedMethod s) -> !s.isDefault())).toList();
    }

    @Transactional
    public List<SavedMethod> confirmed(String tenantId, String accountId) {
        return list(tenantId, accountId).stream().filter(s -> s.status() == SavedMethod.Status.CONFIRMED).toList();
    }

    /** Makes one confirmed method the account's default, and no other. */
    @Transactional
    public SavedMethod makeDefault(String tenantId, String id) {
        SavedMethod chosen = find(tenantId, id).orElseThrow(KassaException::notFound);
        // All of the account's methods, locked in id order: two concurrent choices wait, never deadlock.
        List<SavedMethod> all = em.createQuery("select s from SavedMethod s where s.tenantId = :tenant"
                        + " and s.accountId = :account order by s.id", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("account", chosen.accountId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        SavedMethod method = all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        if (method.status() != SavedMethod.Status.CONFIRMED) {
            throw KassaException.conflict("saved_method.not_confirmed", "Saved method not confirmed",
                    "Only a CONFIRMED method can be the default; this one is " + method.status() + ".");
        }
        Instant now = clock.instant();
        all.stream().filter(s -> s != method && s.isDefault()).forEach(s -> s.setDefault(false, now));
        method.setDefault(true, now);
        return method;
    }

    @Transactional
    public SavedMethod markRemoved(String tenantId, String id) {
        SavedMethod method = lock(tenantId, id);
        method.remove(clock.instant());
        return method;
    }
}
