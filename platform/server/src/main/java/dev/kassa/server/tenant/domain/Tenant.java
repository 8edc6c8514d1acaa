package dev.kassa.server.tenant.domain;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A hosting reseller: its own customers, settings and API keys, walled off from every other tenant. */
@Entity
@Table(name = "tenants")
public class Tenant {
    @Id
    private String id;
    private String slug;
    private String name;
    @Column(name = "base_currency")
    private String baseCurrency;
    @Column(name = "default_locale")
    private String defaultLocale;
    private String locales;
    @Column(name = "top_up_minimum_minor")
    private long topUpMinimumMinor;
    @Column(name = "top_up_maximum_minor")
    private long topUpMaximumMinor;
    @Column(name = "top_up_presets")
    private String topUpPresets;
    @Column(name = "enabled_currencies")
    private String enabledCurrencies;
    @Column(name = "markup_basis_points")
    private int markupBasisPoints;
    @Column(name = "definition_hash")
    private String definitionHash;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    public Tenant(String id, String slug, String name, CurrencyUnit baseCurrency, String defaultLocale,
                  List<String> locales, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.baseCurrency = baseCurrency.code();
        this.defaultLocale = defaultLocale;
        this.createdAt = createdAt;
        setLocales(locales);
        setTopUpLimits(TopUpLimits.defaults(baseCurrency));
        this.enabledCurrencies = baseCurrency.code();
        this.markupBasisPoints = 0;
    }

    public String id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public CurrencyUnit baseCurrency() {
        return CurrencyRegistry.iso4217().require(baseCurrency);
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public List<String> locales() {
        return Arrays.asList(locales.split(","));
    }

    public void setLocales(List<String> locales) {
        this.locales = String.join(",", locales);
    }

    public String definitionHash() {
        return definitionHash;
    }

    public void setDefinitionHash(String definitionHash) {
        this.definitionHash = definitionHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CurrencySettings currencies() {
        return new CurrencySettings(baseCurrency(), Arrays.stream(enabledCurrencies.split(","))
                .map(CurrencyRegistry.iso4217()::require).toList(), markupBasisPoints);
    }

    /**
     * Sets base and enabled currencies and the markup. A new base resets the top-up limits to the
     * defaults in that currency; the caller has checked that the base may still change.
     */
    public void setCurrencies(CurrencySettings settings) {
        if (!settings.base().equals(baseCurrency())) {
            this.baseCurrency = settings.base().code();
            setTopUpLimits(TopUpLimits.defaults(settings.base()));
        }
        this.enabledCurrencies = settings.enabled().stream().map(CurrencyUnit::code).collect(Collectors.joining(","));
        this.markupBasisPoints = settings.markupBasisPoints();
    }

    public TopUpLimits topUpLimits() {
        CurrencyUnit base = baseCurrency();
        List<Money> presets = topUpPresets.isEmpty() ? List.of()
                : Arrays.stream(topUpPresets.split(",")).map(p -> new Money(Long.parseLong(p), base)).toList();
        return new TopUpLimits(new Money(topUpMinimumMinor, base), new Money(topUpMaximumMinor, base), presets);
    }

    public void setTopUpLimits(TopUpLimits limits) {
        limits.requireCurrency(baseCurrency());
        this.topUpMinimumMinor = limits.minimum().minor();
        this.topUpMaximumMinor = limits.maximum().minor();
        this.topUpPresets = limits.presets().stream().map(p -> Long.toString(p.minor()))
                .collect(Collectors.joining(","));
    }
}
