package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.domain.TextOverride;
import dev.kassa.server.theme.domain.TextOverrideRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Tenants' own texts in {@code text_overrides}. */
@ApplicationScoped
public class JpaTextOverrideRepository implements TextOverrideRepository {
    private EntityManager em;

    protected JpaTextOverrideRepository() {
    }

    @Inject
    public JpaTextOverrideRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TextOverride> list(String tenantId, String locale) {
        return em.createQuery("select t from TextOverride t where t.tenantId = :tenant and t.locale = :locale"
                + " order by t.messageKey", TextOverride.class)
                .setParameter("tenant", tenantId).setParameter("locale", locale).getResultList();
    }

    @Override
    public Optional<TextOverride> find(String tenantId, String locale, String key) {
        return Optional.ofNullable(em.find(TextOverride.class, new TextOverride.Key(tenantId, locale, key)));
    }

    @Override
    public void add(TextOverride text) {
        em.persist(text);
    }

    @Override
    public void remove(TextOverride text) {
        em.remove(text);
    }
}
