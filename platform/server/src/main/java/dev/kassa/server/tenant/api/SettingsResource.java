package dev.kassa.server.tenant.api;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.tenant.api.TenantViews.CurrencySettingsView;
import jakarta.json.JsonNumber;
import dev.kassa.server.tenant.api.TenantViews.TopUpSettingsView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public CurrencySettingsView updateCurrencies(JsonValue body) {
        JsonInput in = JsonInput.of(body);
        CurrencyRegistry currencies = CurrencyRegistry.iso4217();
        CurrencyUnit baseUnit = in.requiredCurrency("base", currencies);
        List<CurrencyUnit> enabled = in.requiredList("enabled", code -> currencies.find(code).orElse(null));
        JsonValue markup = in.raw("markupBasisPoints");
        int markupBasisPoints = 0;
        if (markup != null && markup.getValueType() != JsonValue.ValueType.NULL) {
            if (markup instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().abs().compareTo(
                    java.math.BigDecimal.valueOf(100_000)) < 0) {
                markupBasisPoints = n.intValue();
            } else {
                in.error("markupBasisPoints", "invalid", "must be a whole number from 0 to 500");
            }
        }
        if (enabled != null && enabled.contains(null)) {
            in.error("enabled", "currency.unknown", "lists a code that is not an active ISO 4217 currency");
        }
        in.validate();
        return CurrencySettingsView.of(tenants.updateCurrencies(caller.tenantId(),
                new CurrencySettings(baseUnit, enabled, markupBasisPoints)));
    }

    @GET
    @Path("top-up")
    public TopUpSettingsView topUp() {
        return TopUpSettingsView.of(tenants.get(caller.tenantId()).topUpLimits());
    }

    @PUT
    @Path("top-up")
    public TopUpSettingsView updateTopUp(JsonValue body) {
        JsonInput in = JsonInput.of(body);
        CurrencyRegistry currencies = CurrencyRegistry.iso4217();
        Money minimum = in.requiredMoney("minimum", currencies);
        Money maximum = in.requiredMoney("maximum", currencies);
        List<Money> presets = in.requiredMoneyList("presets", currencies);
        in.requirePositive("minimum", minimum);
        in.requirePositive("maximum", maximum);
        var base = tenants.get(caller.tenantId()).baseCurrency();
        for (String field : List.of("minimum", "maximum")) {
            Money m = field.equals("minimum") ? minimum : maximum;
            if (m != null && !m.currency().equals(base)) {
                in.error(field + ".currency", "currency.mismatch", "must be the base currency " + base);
            }
        }
        if (presets != null) {
            for (int i = 0; i < presets.size(); i++) {
                if (!presets.get(i).currency().equals(base)) {
                    in.error("presets[" + i + "].currency", "currency.mismatch", "must be the base currency " + base);
                }
            }
        }
        in.validate();
        TopUpLimits limits = new TopUpLimits(minimum, maximum, presets);
        return TopUpSettingsView.of(tenants.updateTopUpLimits(caller.tenantId(), limits));
    }
}
