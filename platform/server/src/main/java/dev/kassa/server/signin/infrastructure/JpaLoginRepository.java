package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.signin.domain.FailedSignIn;
import dev.kassa.server.signin.domain.Login;
import dev.kassa.server.signin.domain.LoginRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLoginRepository implements LoginRepository {
    private EntityManager em;

    protected JpaLoginRepository() {
    }

    @Inject
    public JpaLoginRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Login> findByAccount(String tenantId, String accountId) {
        return em.createQuery("select l from Login l where l.tenantId = :tenant and l.accountId = :account",
                        Login.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId).getResultStream().findFirst();
    }

    @Override
    public void add(Login login) {
        em.persist(login);
    }

    @Override
    public void addFailure(FailedSignIn failure) {
        em.persist(failure);
    }

    @Override
    public List<FailedSignIn> failuresSince(String tenantId, String emailKey, Instant since) {
        return em.createQuery("select f from FailedSignIn f where f.tenantId = :tenant and f.emailKey = :key"
                        + " and f.failedAt > :since order by f.failedAt", FailedSignIn.class)
                .setParameter("tenant", tenantId).setParameter("key", emailKey).setParameter("since", since)
                .getResultList();
    }

    @Override
    public int purgeFailures(Instant before) {
        return em.createQuery("delete from FailedSignIn f where f.failedAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
