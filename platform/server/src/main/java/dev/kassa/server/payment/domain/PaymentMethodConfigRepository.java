package dev.kassa.server.payment.domain;

import java.util.Optional;

/** Tenants' settings of payment methods. Every method joins the caller's transaction. */
public interface PaymentMethodConfigRepository {
    /** The tenant's settings of the method with this code, if it ever set it up. */
    Optional<PaymentMethodConfig> find(String tenantId, String code);

    void add(PaymentMethodConfig config);
}
