package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.db.TenantRows;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.SavedMethodRepository;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Saved methods in {@code saved_methods}. */
@ApplicationScoped
public class JpaSavedMethodRepository implements SavedMethodRepository {
    private EntityManager em;

    protected JpaSavedMethodRepository() {
    }

    @Inject
    public JpaSavedMethodRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(SavedMethod method) {
        em.persist(method);
    }

    @Override
    public Optional<SavedMethod> find(String tenantId, String id) {
        return TenantRows.find(em, SavedMethod.class, tenantId, id).filter(s -> s.status() != SavedMethod.Status.REMOVED);
    }

    @Override
    public SavedMethod lock(String tenantId, String id) {
        return TenantRows.lock(em, SavedMethod.class, tenantId, id).orElseThrow(KassaException::notFound);
    }

    @Override
    public Optional<SavedMethod> lockForGateway(String tenantId, String method, String gatewayReference, String id) {
        return TenantRows.lockForGateway(em, SavedMethod.class, tenantId, method, gatewayReference, id);
    }

    @Override
    public List<SavedMethod> lockByToken(String tenantId, String method, String token) {
        return em.createQuery("select s from SavedMethod s where s.tenantId = :tenant and s.method = :method"
                        + " and s.token = :token and s.status <> :removed order by s.id", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("method", method).setParameter("token", token)
                .setParameter("removed", SavedMethod.Status.REMOVED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<SavedMethod> list(String tenantId, String accountId) {
        return em.createQuery("select s from SavedMethod s where s.tenantId = :tenant and s.accountId = :account"
                        + " and s.status <> :removed order by s.createdAt desc, s.id desc", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setParameter("removed", SavedMethod.Status.REMOVED).getResultList().stream()
                .sorted(Comparator.comparing((SavedMethod s) -> !s.isDefault())).toList();
    }

    @Override
    public List<SavedMethod> confirmedOfAccounts(String tenantId, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from SavedMethod s where s.tenantId = :tenant and s.accountId in :accounts"
                        + " and s.status = :confirmed order by s.createdAt desc, s.id desc", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("accounts", accountIds)
                .setParameter("confirmed", SavedMethod.Status.CONFIRMED).getResultList().stream()
                .sorted(Comparator.comparing((SavedMethod s) -> !s.isDefault())).toList();
    }

    @Override
    public List<SavedMethod> lockAll(String tenantId, String accountId) {
        return em.createQuery("select s from SavedMethod s where s.tenantId = :tenant"
                        + " and s.accountId = :account order by s.id", SavedMethod.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
