package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.ServiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Plans new VIES checks for the payers of services due soon: one short transaction. */
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
    public int planRechecks(Instant dueBy, Instant checkedBefore, Instant now, int limit) {
        return services.planVatRechecks(dueBy, checkedBefore, now, limit);
    }
}
