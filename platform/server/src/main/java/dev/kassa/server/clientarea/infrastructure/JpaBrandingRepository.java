package dev.kassa.server.clientarea.infrastructure;

import dev.kassa.server.clientarea.domain.BrandingRepository;
import dev.kassa.server.clientarea.domain.BrandingSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Brandings in {@code brandings}. */
@ApplicationScoped
public class JpaBrandingRepository implements BrandingRepository {
    private EntityManager em;

    protected JpaBrandingRepository() {
    }

    @Inject
    public JpaBrandingRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<BrandingSetting> find(String tenantId) {
        return Optional.ofNullable(em.find(BrandingSetting.class, tenantId));
    }

    @Override
    public void add(BrandingSetting branding) {
        em.persist(branding);
    }
}
