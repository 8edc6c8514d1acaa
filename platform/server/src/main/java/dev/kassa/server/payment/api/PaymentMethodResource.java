package dev.kassa.server.payment.api;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.server.payment.api.PaymentRequests.MethodSettingsRequest;
import dev.kassa.server.payment.api.PaymentViews.PaymentMethodView;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import dev.kassa.server.web.RequestBinder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
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
    public Page<PaymentMethodView> list() {
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        return Page.all(methods.list(caller.tenantId()).stream().map(m -> PaymentMethodView.of(m, locale)).toList());
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
    public PaymentMethodView configure(@PathParam("code") String code, MethodSettingsRequest body) {
        ConfiguredMethod current = methods.get(caller.tenantId(), code);
        Map<String, String> changes = credentialChanges(body, current);
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        return PaymentMethodView.of(methods.configure(caller.tenantId(), code, body.enabled(), body.countries(),
                changes), locale);
    }

    /**
     * The credentials the body sets: its {@code credentials} object, and the method's visible
     * fields at the top level; null when it sets none. Members the method does not declare at the
     * top level are ignored, like any member a request does not name.
     */
    private static Map<String, String> credentialChanges(MethodSettingsRequest body, ConfiguredMethod method) {
        Map<String, String> changes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (CredentialField field : method.method().info().credentials()) {
            JsonValue value = body.others().get(field.name());
            if (!field.secret() && value != null) {
                if (value.getValueType() == JsonValue.ValueType.NULL) {
                    changes.put(field.name(), null);
                } else if (value instanceof JsonString text) {
                    put(changes, field.name(), field.name(), text.getString(), errors);
                } else {
                    errors.add(new FieldError(field.name(), "type", "must be a string"));
                }
            }
        }
        if (body.credentials() != null) {
            body.credentials().forEach((name, value) -> put(changes, "credentials." + name, name, value, errors));
        }
        if (!errors.isEmpty()) {
            throw RequestBinder.refusal(errors);
        }
        return changes.isEmpty() && body.credentials() == null ? null : changes;
    }

    private static void put(Map<String, String> into, String field, String name, String value, List<FieldError> errors) {
        if (value != null && value.length() > 2000) {
            errors.add(new FieldError(field, "too_long", "must be at most 2000 characters"));
        } else {
            into.put(name, value);
        }
    }
}
