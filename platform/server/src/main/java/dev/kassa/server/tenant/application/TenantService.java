package dev.kassa.server.tenant.application;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.tenant.domain.TopUpLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Creates tenants, resolves API keys and keeps tenant-wide settings. */
@ApplicationScoped
public class TenantService {
    private TenantRepository tenants;
    private Event<TenantCreated> created;
    private ApiKeyService apiKeys;
    private MoneyInUse money;
    private Clock clock;

    protected TenantService() {
    }

    @Inject
    public TenantService(TenantRepository tenants, Event<TenantCreated> created, ApiKeyService apiKeys,
                         MoneyInUse money, Clock clock) {
        this.tenants = tenants;
        this.created = created;
        this.apiKeys = apiKeys;
        this.money = money;
        this.clock = clock;
    }

    /** A new tenant and its API key; the key is returned here only and stored as a digest. */
    public record Created(Tenant tenant, String apiKey) { }

    @Transactional
    public Created create(String slug, String name, CurrencyUnit baseCurrency, String defaultLocale,
                          List<String> locales) {
        if (tenants.findBySlug(slug).isPresent()) {
            throw KassaException.conflict("tenant.slug_taken", "Slug taken", "A tenant with slug '" + slug
                    + "' already exists.");
        }
        Tenant tenant = new Tenant(Ids.next("ten"), slug, name, baseCurrency, defaultLocale, locales, clock.instant());
        tenants.add(tenant);
        created.fire(new TenantCreated(tenant)); // the payment context installs the methods on from the start
        return new Created(tenant, apiKeys.issue(tenant.id()).secret());
    }

    @Transactional
    public Tenant get(String tenantId) {
        return tenants.require(tenantId);
    }

    @Transactional
    public List<Tenant> list(PageRequest page) {
        return tenants.page(page.after(), page.limit());
    }

    @Transactional
    public CurrencySettings updateCurrencies(String tenantId, CurrencySettings settings) {
        Tenant tenant = tenants.lock(tenantId).orElseThrow(KassaException::notFound);
        if (!settings.base().equals(tenant.baseCurrency()) && money.hasMoved(tenantId)) {
            throw KassaException.conflict("currency.base_locked", "Base currency locked",
                    "The base currency cannot change once money has moved; it stays " + tenant.baseCurrency() + ".");
        }
        List<String> inUse = money.accountCurrencies(tenantId).stream()
                .filter(currency -> !settings.isEnabled(currency)).map(CurrencyUnit::code).toList();
        if (!inUse.isEmpty()) {
            throw KassaException.conflict("currency.in_use", "Currency in use",
                    "Accounts are kept in " + String.join(", ", inUse) + "; it must stay enabled.");
        }
        tenant.setCurrencies(settings);
        return tenant.currencies();
    }

    @Transactional
    public TopUpLimits updateTopUpLimits(String tenantId, TopUpLimits limits) {
        Tenant tenant = tenants.lock(tenantId).orElseThrow(KassaException::notFound);
        tenant.setTopUpLimits(limits);
        return tenant.topUpLimits();
    }
}
