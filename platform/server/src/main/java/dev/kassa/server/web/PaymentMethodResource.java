package dev.kassa.server.web;

import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.payment.domain.BankDetails;
import dev.kassa.server.payment.domain.BuiltInMethod;
import dev.kassa.server.payment.domain.PaymentMethodConfig;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.JsonInput;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.application.TenantService;
import dev.kassa.server.web.view.Views.PaymentMethodView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
     * {@code {enabled, countries: ["*"] | ["DE", ...]}}; bank transfer also takes
     * {@code beneficiary, iban, bic, bankName} (each left out keeps its value).
     */
    @PUT
    @Path("{code}")
    public PaymentMethodView configure(@PathParam("code") String code, JsonValue body) {
        if (BuiltInMethod.byCode(code).isEmpty()) {
            throw KassaException.notFound();
        }
        JsonInput in = JsonInput.of(body);
        Boolean enabled = in.requiredBoolean("enabled");
        List<String> countries = in.requiredList("countries", String::strip);
        if (countries != null) {
            validateCountries(countries, in);
        }
        BankDetails bank = null;
        if (code.equals(BuiltInMethod.BANK_TRANSFER.code())
                && (in.raw("beneficiary") != null || in.raw("iban") != null || in.raw("bic") != null
                || in.raw("bankName") != null)) {
            // Fields left out keep their current value.
            BankDetails current = methods.get(caller.tenantId(), code).bankDetails();
            List<FieldError> errors = new ArrayList<>();
            bank = BankDetails.of(
                    in.raw("beneficiary") != null ? in.optionalString("beneficiary", 140) : current.beneficiary(),
                    in.raw("iban") != null ? in.optionalString("iban", 42) : current.iban(),
                    in.raw("bic") != null ? in.optionalString("bic", 11) : current.bic(),
                    in.raw("bankName") != null ? in.optionalString("bankName", 140) : current.bankName(), errors);
            errors.forEach(e -> in.error(e.field(), e.code(), e.message()));
        }
        in.validate();
        String locale = tenants.get(caller.tenantId()).defaultLocale();
        return PaymentMethodView.of(methods.configure(caller.tenantId(), code, enabled, countries, bank), locale);
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
