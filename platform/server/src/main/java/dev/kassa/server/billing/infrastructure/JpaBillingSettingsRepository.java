package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.BillingSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Billing settings in {@code billing_settings}, keyed by the tenant. */
@ApplicationScoped
public class JpaBillingSettingsRepository implements BillingSettingsRepository {
    private EntityManager em;

    protected JpaBillingSettingsRepository() {
    }

    @Inject
    public JpaBillingSettingsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<BillingSettings> find(String tenantId) {
        return Optional.ofNullable(em.find(BillingSettings.class, tenantId));
    }

    @Override
    public void add(BillingSettings settings) {
        em.persist(settings);
    }
}
