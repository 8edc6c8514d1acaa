package dev.kassa.server.tenant.application;

import dev.kassa.server.config.Secrets;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.tenant.domain.TopUpLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Creates tenants, resolves API keys and keeps tenant-wide settings. */
@ApplicationScoped
public class TenantService {
    private TenantRepository tenants;
    private PaymentMethodService paymentMethods;
    private Clock clock;
    /** API-key digest to tenant id. Keys never change owner, so a hit never goes stale. */
    private final Map<String, String> tenantByKeyHash = new ConcurrentHashMap<>();

    protected TenantService() {
    }

    @Inject
    public TenantService(TenantRepository tenants, PaymentMethodService paymentMethods, Clock clock) {
        this.tenants = tenants;
        this.paymentMethods = paymentMethods;
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
        String apiKey = Secrets.newToken("ksk_");
        Tenant tenant = new Tenant(Ids.next("ten"), slug, name, baseCurrency, defaultLocale, locales,
                Secrets.sha256(apiKey), clock.instant());
        tenants.add(tenant);
        paymentMethods.installDefaults(tenant);
        return new Created(tenant, apiKey);
    }

    @Transactional
    public Optional<String> findIdByApiKeyHash(String hash) {
        String cached = tenantByKeyHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = tenants.findIdByApiKeyHash(hash);
        found.ifPresent(id -> tenantByKeyHash.put(hash, id));
        return found;
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
        if (!settings.base().equals(tenant.baseCurrency()) && tenants.hasLedgerEntries(tenantId)) {
            throw KassaException.conflict("currency.base_locked", "Base currency locked",
                    "The base currency cannot change once money has moved; it stays " + tenant.baseCurrency() + ".");
        }
        List<String> inUse = tenants.accountCurrencies(tenantId).stream()
                .filter(code -> settings.enabled().stream().noneMatch(c -> c.code().equals(code))).toList();
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
