package dev.kassa.server.tenant.api;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.api.TenantRequests.CurrencySettingsRequest;
import dev.kassa.server.tenant.api.TenantRequests.TopUpSettingsRequest;
import dev.kassa.server.tenant.api.TenantViews.CurrencySettingsView;
import dev.kassa.server.tenant.api.TenantViews.TopUpSettingsView;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.RequestBinder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** Tenant settings. */
@Audience(Audience.Party.TENANT)
@Path("v1/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private Caller caller;
    private TenantService tenants;

    protected SettingsResource() {
    }

    @Inject
    public SettingsResource(Caller caller, TenantService tenants) {
        this.caller = caller;
        this.tenants = tenants;
    }

    @GET
    @Path("currencies")
    public CurrencySettingsView currencies() {
        return CurrencySettingsView.of(tenants.get(caller.tenantId()).currencies());
    }

    /** {@code {base, enabled: [...], markupBasisPoints}}; the base cannot change once money has moved. */
    @PUT
    @Path("currencies")
    public CurrencySettingsView updateCurrencies(CurrencySettingsRequest body) {
        CurrencyRegistry currencies = CurrencyRegistry.iso4217();
        List<CurrencyUnit> enabled = body.enabled().stream().map(currencies::require).toList();
        return CurrencySettingsView.of(tenants.updateCurrencies(caller.tenantId(),
                new CurrencySettings(currencies.require(body.base()), enabled, body.markup())));
    }

    @GET
    @Path("top-up")
    public TopUpSettingsView topUp() {
        return TopUpSettingsView.of(tenants.get(caller.tenantId()).topUpLimits());
    }

    @PUT
    @Path("top-up")
    public TopUpSettingsView updateTopUp(TopUpSettingsRequest body) {
        Money minimum = body.minimum().toMoney();
        Money maximum = body.maximum().toMoney();
        List<Money> presets = body.presets().stream().map(p -> p.toMoney()).toList();
        var base = tenants.get(caller.tenantId()).baseCurrency();
        List<FieldError> errors = new ArrayList<>();
        if (!minimum.currency().equals(base)) {
            errors.add(mismatch("minimum", base));
        }
        if (!maximum.currency().equals(base)) {
            errors.add(mismatch("maximum", base));
        }
        for (int i = 0; i < presets.size(); i++) {
            if (!presets.get(i).currency().equals(base)) {
                errors.add(mismatch("presets[" + i + "]", base));
            }
        }
        if (!errors.isEmpty()) {
            throw RequestBinder.refusal(errors);
        }
        TopUpLimits limits = new TopUpLimits(minimum, maximum, presets);
        return TopUpSettingsView.of(tenants.updateTopUpLimits(caller.tenantId(), limits));
    }

    private static FieldError mismatch(String field, CurrencyUnit base) {
        return new FieldError(field + ".currency", "currency.mismatch", "must be the base currency " + base);
    }
}
