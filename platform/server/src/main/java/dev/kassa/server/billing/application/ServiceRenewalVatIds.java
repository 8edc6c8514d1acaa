package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.ServiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Which payers of services due soon have old VIES answers: one short read-only transaction. */
@ApplicationScoped
public class ServiceRenewalVatIds {
    private ServiceRepository services;

    protected ServiceRenewalVatIds() {
    }

    @Inject
    public ServiceRenewalVatIds(ServiceRepository services) {
        this.services = services;
    }

    @Transactional
    public List<ServiceRepository.PayerRef> payersWithOldVatChecks(Instant dueBy, Instant checkedBefore, int limit) {
        return services.payersWithOldVatChecks(dueBy, checkedBefore, limit);
    }
}
