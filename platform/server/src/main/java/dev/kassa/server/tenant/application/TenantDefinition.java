package dev.kassa.server.tenant.application;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TopUpLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant as declared in {@code tenants/<slug>/tenant.json}: data, not code. See
 * {@code docs/operators.md} for the format.
 *
 * @param demoCustomer whether the tenant gets a demo customer to sign in with (the shipped demo tenant)
 */
public record TenantDefinition(String slug, String name, CurrencyUnit baseCurrency, String defaultLocale,
                               List<String> locales, CurrencySettings currencies, TopUpLimits topUp,
                               Map<String, MethodDefinition> paymentMethods, boolean demoCustomer) {

    /**
     * A payment method as declared: on or off, for which countries, and credentials (a
     * {@code credentials} object, or string members beside {@code enabled} and {@code countries});
     * no credentials keeps those stored.
     */
    public record MethodDefinition(boolean enabled, List<String> countries, Map<String, String> credentials) { }

    public static TenantDefinition parse(JsonObject json) {
        CurrencyUnit base = CurrencyRegistry.iso4217().require(json.getString("baseCurrency"));
        String defaultLocale = json.getString("defaultLocale", "en");
        List<String> locales = json.containsKey("locales")
                ? json.getJsonArray("locales").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of(defaultLocale);
        CurrencySettings currencies = new CurrencySettings(base, List.of(base), 0);
        if (json.containsKey("currencies")) {
            JsonObject c = json.getJsonObject("currencies");
            currencies = new CurrencySettings(base, c.getJsonArray("enabled").getValuesAs(JsonString.class).stream()
                    .map(code -> CurrencyRegistry.iso4217().require(code.getString())).toList(),
                    c.getInt("markupBasisPoints", 0));
        }
        TopUpLimits topUp = TopUpLimits.defaults(base);
        if (json.containsKey("topUp")) {
            JsonObject t = json.getJsonObject("topUp");
            topUp = new TopUpLimits(Money.parse(t.getString("minimum"), base), Money.parse(t.getString("maximum"), base),
                    t.getJsonArray("presets").getValuesAs(JsonString.class).stream()
                            .map(p -> Money.parse(p.getString(), base)).toList());
        }
        Map<String, MethodDefinition> methods = new LinkedHashMap<>();
        JsonObject declared = json.getJsonObject("paymentMethods");
        if (declared != null) {
            declared.forEach((code, value) -> methods.put(code, method(code, value.asJsonObject())));
        }
        return new TenantDefinition(json.getString("slug"), json.getString("name"), base, defaultLocale, locales,
                currencies, topUp, Map.copyOf(methods), json.getBoolean("demoCustomer", false));
    }

    private static MethodDefinition method(String code, JsonObject m) {
        List<String> countries = m.containsKey("countries")
                ? m.getJsonArray("countries").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of(Iso.ALL_COUNTRIES);
        for (String country : countries) {
            if (!country.equals(Iso.ALL_COUNTRIES) && !Iso.isCountry(country)) {
                throw new IllegalArgumentException("paymentMethods." + code + ".countries: '" + country
                        + "' is not an ISO 3166-1 alpha-2 code in upper case (or \"*\")");
            }
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        m.forEach((name, value) -> {
            if (!name.equals("enabled") && !name.equals("countries") && value instanceof JsonString text) {
                credentials.put(name, text.getString());
            }
        });
        JsonObject nested = m.getJsonObject("credentials");
        if (nested != null) {
            nested.forEach((name, value) -> {
                if (!(value instanceof JsonString text)) {
                    throw new IllegalArgumentException("paymentMethods." + code + ".credentials." + name
                            + " must be a string");
                }
                credentials.put(name, text.getString());
            });
        }
        return new MethodDefinition(m.getBoolean("enabled", true), countries, credentials);
    }
}
