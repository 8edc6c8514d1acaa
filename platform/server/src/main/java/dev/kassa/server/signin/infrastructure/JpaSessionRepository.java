package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.signin.domain.SessionRepository;
import dev.kassa.server.signin.domain.SignInSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaSessionRepository implements SessionRepository {
    private EntityManager em;

    protected JpaSessionRepository() {
    }

    @Inject
    public JpaSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SignInSession> findByTokenHash(String tenantId, String tokenHash) {
        return em.createQuery("select s from SignInSession s where s.tenantId = :tenant and s.tokenHash = :hash",
                        SignInSession.class)
                .setParameter("tenant", tenantId).setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public void add(SignInSession session) {
        em.persist(session);
    }

    @Override
    public void remove(SignInSession session) {
        em.remove(session);
    }

    @Override
    public int removeAll(String tenantId, String accountId) {
        return em.createQuery("delete from SignInSession s where s.tenantId = :tenant and s.accountId = :account")
                .setParameter("tenant", tenantId).setParameter("account", accountId).executeUpdate();
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from SignInSession s where s.idleExpiresAt <= :now or s.absoluteExpiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
