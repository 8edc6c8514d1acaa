package dev.kassa.server.tenant.application;

import dev.kassa.server.payment.domain.BankDetails;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TopUpLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant as declared in {@code tenants/<slug>/tenant.json}: data, not code. See
 * {@code docs/operators.md} for the format.
 */
public record TenantDefinition(String slug, String name, CurrencyUnit baseCurrency, String defaultLocale,
                               List<String> locales, CurrencySettings currencies, TopUpLimits topUp,
                               BankTransfer bankTransfer) {

    /** The bank-transfer method as declared; null fields keep the platform defaults. */
    public record BankTransfer(boolean enabled, List<String> countries, BankDetails details) { }

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
        BankTransfer bank = null;
        JsonObject methods = json.getJsonObject("paymentMethods");
        if (methods != null && methods.containsKey("bank-transfer")) {
            JsonObject b = methods.getJsonObject("bank-transfer");
            List<FieldError> errors = new ArrayList<>();
            BankDetails details = BankDetails.of(b.getString("beneficiary", json.getString("name")),
                    b.getString("iban", null), b.getString("bic", null), b.getString("bankName", null), errors);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("bank-transfer: " + errors);
            }
            List<String> countries = b.containsKey("countries")
                    ? b.getJsonArray("countries").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                    : List.of("*");
            bank = new BankTransfer(b.getBoolean("enabled", true), countries, details);
        }
        return new TenantDefinition(json.getString("slug"), json.getString("name"), base, defaultLocale, locales,
                currencies, topUp, bank);
    }
}
