package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.signin.domain.LinkPurpose;
import dev.kassa.server.signin.domain.LinkRepository;
import dev.kassa.server.signin.domain.LinkToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLinkRepository implements LinkRepository {
    private EntityManager em;

    protected JpaLinkRepository() {
    }

    @Inject
    public JpaLinkRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<LinkToken> findByTokenHash(String tenantId, String tokenHash) {
        return byHash(tenantId, tokenHash).getResultStream().findFirst();
    }

    @Override
    public Optional<LinkToken> lockByTokenHash(String tenantId, String tokenHash) {
        return byHash(tenantId, tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<LinkToken> unusedPasswordLinks(String tenantId, String accountId) {
        return em.createQuery("select l from LinkToken l where l.tenantId = :tenant and l.accountId = :account"
                        + " and l.usedAt is null and l.purpose <> :signIn", LinkToken.class)
                .setParameter("tenant", tenantId).setParameter("account", accountId)
                .setParameter("signIn", LinkPurpose.SIGN_IN).getResultList();
    }

    @Override
    public void add(LinkToken link) {
        em.persist(link);
    }

    @Override
    public int purgeExpired(Instant before) {
        return em.createQuery("delete from LinkToken l where l.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    private TypedQuery<LinkToken> byHash(String tenantId, String tokenHash) {
        return em.createQuery("select l from LinkToken l where l.tenantId = :tenant and l.tokenHash = :hash",
                        LinkToken.class)
                .setParameter("tenant", tenantId).setParameter("hash", tokenHash);
    }
}
