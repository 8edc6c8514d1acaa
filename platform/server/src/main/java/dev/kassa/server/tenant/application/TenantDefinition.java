package dev.kassa.server.tenant.application;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TopUpLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant as declared in {@code tenants/<slug>/tenant.json}: data, not code. See
 * {@code docs/operators.md} for the format.
 *
 * @param demoCustomer whether the tenant gets a demo customer to sign in with (the shipped demo tenant)
 */
public record TenantDefinition(String slug, String name, CurrencyUnit baseCurrency, String defaultLocale,
                               List<String> locales, CurrencySettings currencies, TopUpLimits topUp,
                               Map<String, MethodDefinition> paymentMethods, List<String> hosts,
                               String defaultTheme, BrandingDefinition branding, Map<String, ThemeDefinition> themes,
                               boolean demoCustomer) {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A theme as declared: on or off, for which countries ({@code ["*"]} for all), as {@code PUT /themes/{id}} takes it. */
    public record ThemeDefinition(boolean enabled, List<String> countries) { }

    /**
     * A payment method as declared: on or off, for which countries, and credentials (a
     * {@code credentials} object, or string members beside {@code enabled} and {@code countries});
     * no credentials keeps those stored.
     */
    public record MethodDefinition(boolean enabled, List<String> countries, Map<String, String> credentials) { }

    /**
     * The brand as declared, checked by the client-area context as its API checks it; every member
     * null when left out.
     *
     * @param logo the logo file's content as a data URL ({@code data:image/svg+xml;base64,…})
     * @param colours {@code primary}, {@code accent}, {@code background}, {@code text}; null when left out
     */
    public record BrandingDefinition(String displayName, String logo, Map<String, String> colours,
                                     String supportEmail, String legalFooter) { }

    /** A definition that names no logo file, or whose files are not at hand. */
    public static TenantDefinition parse(JsonObject json) {
        return parse(json, null);
    }

    /**
     * @param dir the definition's directory, where {@code branding.logo} names a file; null when it
     *        has none (a logo named then stops the start)
     */
    public static TenantDefinition parse(JsonObject json, Path dir) {
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
        List<String> hosts = json.containsKey("hosts")
                ? json.getJsonArray("hosts").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : null;
        String defaultTheme = json.containsKey("defaultTheme") && !json.isNull("defaultTheme")
                ? json.getString("defaultTheme") : null;
        BrandingDefinition branding = json.containsKey("branding") ? branding(json.getJsonObject("branding"), dir)
                : null;
        Map<String, ThemeDefinition> themes = new LinkedHashMap<>();
        JsonObject declaredThemes = json.getJsonObject("themes");
        if (declaredThemes != null) {
            declaredThemes.forEach((id, value) -> themes.put(id, new ThemeDefinition(
                    value.asJsonObject().getBoolean("enabled", true),
                    value.asJsonObject().getJsonArray("countries").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList())));
        }
        return new TenantDefinition(json.getString("slug"), json.getString("name"), base, defaultLocale, locales,
                currencies, topUp, Map.copyOf(methods), hosts, defaultTheme, branding, Map.copyOf(themes),
                json.getBoolean("demoCustomer", false));
    }

    /** The logo file a definition names, if any: its path, inside {@code dir}. */
    public static Optional<Path> logoFile(JsonObject json, Path dir) {
        JsonObject branding = json.getJsonObject("branding");
        if (branding == null || !branding.containsKey("logo") || branding.isNull("logo")) {
            return Optional.empty();
        }
        String name = branding.getString("logo");
        Path file = dir == null ? null : dir.resolve(name).normalize();
        if (file == null || !file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("branding.logo: '" + name + "' is not a file beside tenant.json");
        }
        return Optional.of(file);
    }

    private static BrandingDefinition branding(JsonObject b, Path dir) {
        String logo = null;
        Optional<Path> file = logoFile(JSON.createObjectBuilder().add("branding", b).build(), dir);
        if (file.isPresent()) {
            String name = file.get().getFileName().toString().toLowerCase(Locale.ROOT);
            String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : null;
            if (type == null) {
                throw new IllegalArgumentException("branding.logo: '" + name + "' is neither a .svg nor a .png file");
            }
            try {
                logo = "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> colours = null;
        JsonObject c = b.getJsonObject("colours");
        if (c != null) {
            colours = new LinkedHashMap<>();
            for (String name : List.of("primary", "accent", "background", "text")) {
                colours.put(name, c.getString(name, null));
            }
        }
        return new BrandingDefinition(string(b, "displayName"), logo, colours, string(b, "supportEmail"),
                string(b, "legalFooter"));
    }

    private static String string(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : null;
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
