package dev.kassa.server.billing.domain;

import java.util.Optional;

/** Billing settings, one row per tenant; joins the caller's transaction. */
public interface BillingSettingsRepository {
    Optional<BillingSettings> find(String tenantId);

    void add(BillingSettings settings);
}
