package dev.kassa.server.payment.api;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.PaymentMethodConfig;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.payment.api.PaymentViews.PaymentMethodView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which payment methods the tenant offers, and to which countries. */
@Audience(Audience.Party.TENANT)
@Path("v1/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentMethodResource {
    private Caller caller;
    private PaymentMethodService methods;
    private TenantService tenants;

    protected PaymentMethodResource() {
    }

    @Inject
    public PaymentMethodResource(Caller caller, PaymentMethodService methods, TenantService tenants) {
        this.caller = caller;
        this.methods = methods;
        this.tenants = tenants;
    }

    @GET
    public Map<String, Object> list() {
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", methods.list(caller.tenantId()).stream().map(m -> PaymentMethodView.of(m, locale)).toList());
        out.put("next", null);
        return out;
    }

    @GET
    @Path("{code}")
    public PaymentMethodView get(@PathParam("code") String code) {
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        return PaymentMethodView.of(methods.get(caller.tenantId(), code), locale);
    }

    /**
     * {@code {enabled, countries: ["*"] | ["DE", ...], credentials?: {...}}}. Credentials left out
     * keep their value; a null or empty one is removed. A method's visible credentials (bank
     * details) may also be given at the top level, as in the first release.
     */
    @PUT
    @Path("{code}")
    public PaymentMethodView configure(@PathParam("code") String code, JsonValue body) {
        ConfiguredMethod current = methods.get(caller.tenantId(), code); // 404 before validating the body
        JsonInput in = JsonInput.of(body);
        Boolean enabled = in.requiredBoolean("enabled");
        List<String> countries = in.requiredList("countries", String::strip);
        if (countries != null) {
            validateCountries(countries, in);
        }
        Map<String, String> changes = credentialChanges(body, current, in);
        in.validate();
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        return PaymentMethodView.of(methods.configure(caller.tenantId(), code, enabled, countries, changes), locale);
    }

    /** The credentials the body sets: its {@code credentials} object, and visible fields at the top level. */
    private static Map<String, String> credentialChanges(JsonValue body, ConfiguredMethod method, JsonInput in) {
        if (!(body instanceof JsonObject object)) {
            return null;
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (CredentialField field : method.method().info().credentials()) {
            if (!field.secret() && object.containsKey(field.name())) {
                readString(object.get(field.name()), field.name(), changes, field.name(), in);
            }
        }
        JsonValue credentials = object.get("credentials");
        if (credentials != null && credentials.getValueType() != JsonValue.ValueType.NULL) {
            if (credentials.getValueType() != JsonValue.ValueType.OBJECT) {
                in.error("credentials", "type", "must be an object of strings");
            } else {
                credentials.asJsonObject().forEach((name, value) ->
                        readString(value, "credentials." + name, changes, name, in));
            }
        }
        return changes.isEmpty() && (credentials == null || credentials.getValueType() == JsonValue.ValueType.NULL)
                ? null : changes;
    }

    private static void readString(JsonValue value, String field, Map<String, String> into, String name, JsonInput in) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            into.put(name, null);
        } else if (value.getValueType() != JsonValue.ValueType.STRING) {
            in.error(field, "type", "must be a string");
        } else if (((JsonString) value).getString().length() > 2000) {
            in.error(field, "too_long", "must be at most 2000 characters");
        } else {
            into.put(name, ((JsonString) value).getString());
        }
    }

    static void validateCountries(List<String> countries, JsonInput in) {
        if (countries.contains(PaymentMethodConfig.ALL_COUNTRIES)) {
            if (countries.size() != 1) {
                in.error("countries", "invalid", "\"*\" stands alone: all countries");
            }
            return;
        }
        for (int i = 0; i < countries.size(); i++) {
            if (!Iso.isCountry(countries.get(i))) {
                in.error("countries[" + i + "]", "country.invalid",
                        "must be an ISO 3166-1 alpha-2 code in upper case, such as DE");
            } else if (countries.subList(0, i).contains(countries.get(i))) {
                in.error("countries[" + i + "]", "duplicate", "is listed twice");
            }
        }
    }
}
