package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.mail.application.Senders;
import dev.kassa.server.mail.domain.Sender;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A tenant's mail is from its name. Tenants have no display name or support address yet (the
 * branding settings of issue 11 bring them): until then the tenant's name, and no Reply-To, so
 * replies go to {@code KASSA_MAIL_FROM}. This is the one place to change when they arrive.
 */
@ApplicationScoped
public class TenantSenders implements Senders {
    private TenantRepository tenants;

    protected TenantSenders() {
    }

    @Inject
    public TenantSenders(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Sender of(String tenantId) {
        return new Sender(tenants.require(tenantId).name(), null);
    }
}
