package dev.kassa.server.billing.application;

import dev.kassa.server.account.application.VatIdRequester;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The tenant's VAT ID from its billing settings asks VIES, so that each answer has a consultation number. */
@ApplicationScoped
public class TenantVatIdRequester implements VatIdRequester {
    private BillingSettingsService settings;

    protected TenantVatIdRequester() {
    }

    @Inject
    public TenantVatIdRequester(BillingSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> vatIdOf(String tenantId) {
        return Optional.ofNullable(settings.get(tenantId).vatId());
    }
}
