package dev.kassa.server.payment.infrastructure;

import dev.kassa.server.payment.domain.PaymentMethodConfig;
import dev.kassa.server.payment.domain.PaymentMethodConfigRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Payment method settings in {@code payment_method_configs}. */
@ApplicationScoped
public class JpaPaymentMethodConfigRepository implements PaymentMethodConfigRepository {
    private EntityManager em;

    protected JpaPaymentMethodConfigRepository() {
    }

    @Inject
    public JpaPaymentMethodConfigRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<PaymentMethodConfig> find(String tenantId, String code) {
        return Optional.ofNullable(em.find(PaymentMethodConfig.class, new PaymentMethodConfig.Key(tenantId, code)));
    }

    @Override
    public void add(PaymentMethodConfig config) {
        em.persist(config);
    }
}
