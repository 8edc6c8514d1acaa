package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.api.AccountRequests.NewPayerRequest;
import dev.kassa.server.account.api.AccountRequests.PayerChangeRequest;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.JsonText;
import dev.kassa.server.web.RequestBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /payers} (the account's payers), {@code /payers/new} and {@code /payers/edit?id=…}: a person
 * or a company, its country, address and VAT ID. The form is read into the very request records of
 * the JSON API ({@code POST} and {@code PATCH /api/v1/accounts/{id}/payers}), checked by the same
 * rules, and handed to the same {@link AccountService} methods; what they refuse comes back tied to
 * its field, with what was typed.
 */
@ApplicationScoped
public class PayersPage implements ClientAreaPage {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final String LIST = "/payers";
    static final String NEW = "/payers/new";
    static final String EDIT = "/payers/edit";
    private static final List<String> FIELDS = List.of("type", "name", "country", "vatId", "address");

    private AccountService accounts;

    protected PayersPage() {
    }

    @Inject
    public PayersPage(AccountService accounts) {
        this.accounts = accounts;
    }

    /** One payer as the list shows it; {@code address} as text. */
    public record PayerRow(String id, String type, String name, String country, String countryName, String vatId,
                           String address) { }

    /**
     * The payer form, as typed or as stored: {@code id} null for a new payer; {@code errors} maps a
     * field ({@code type}, {@code name}, {@code country}, {@code vatId}, {@code address}, or
     * {@code form} for the form as a whole) to the text key of its error, in the form's order.
     */
    public record PayerForm(String id, String type, String name, String country, String vatId, String address,
                            Map<String, String> errors) { }

    /** A country of the country list: its code and its name in the page's language. */
    public record CountryOption(String code, String name) { }

    @Override
    public Set<String> paths() {
        return Set.of(LIST, NEW, EDIT);
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        switch (visit.path()) {
            case NEW:
                String country = accounts.get(visit.tenantId(), visit.accountId()).country();
                return form(200, visit, new PayerForm(null, Payer.Type.PERSON.name(), null, country, null, null,
                        Map.of()));
            case EDIT:
                String id = visit.param("id");
                if (id == null) {
                    return Reply.page(404, "not-found", Map.of());
                }
                Payer payer = accounts.payer(visit.tenantId(), visit.accountId(), id); // 404 when not this account's
                return form(200, visit, new PayerForm(payer.id(), payer.type().name(), payer.name(), payer.country(),
                        payer.vatId(), addressText(payer.address()), Map.of()));
            default:
                return list(visit);
        }
    }

    @Override
    public Reply post(Visit visit) {
        if (visit.path().equals(LIST)) {
            return null;
        }
        boolean editing = visit.path().equals(EDIT);
        String id = editing ? visit.param("id") : null;
        Payer before = null;
        if (editing) {
            if (id == null) {
                return Reply.page(404, "not-found", Map.of());
            }
            before = accounts.payer(visit.tenantId(), visit.accountId(), id); // 404 when not this account's
        }
        PayerForm typed = new PayerForm(id, visit.param("type"), visit.param("name"), upper(visit.param("country")),
                visit.param("vatId"), visit.param("address"), Map.of());
        try {
            if (editing) {
                JsonObject body = changeBody(typed, before);
                accounts.changePayer(visit.tenantId(), visit.accountId(), id,
                        RequestBinder.bind(body, PayerChangeRequest.class).toChange(body));
                return Reply.redirect(LIST + "?done=changed");
            }
            accounts.addPayer(visit.tenantId(), visit.accountId(),
                    RequestBinder.bind(newBody(typed), NewPayerRequest.class).toNewPayer());
            return Reply.redirect(LIST + "?done=added");
        } catch (KassaException e) {
            if (e.status() == 404) {
                throw e;
            }
            return form(422, visit, new PayerForm(id, typed.type(), typed.name(), typed.country(), typed.vatId(),
                    typed.address(), errors(e)));
        }
    }

    private Reply list(Visit visit) {
        Locale locale = visit.theme().javaLocale();
        List<PayerRow> rows = accounts.payers(visit.tenantId(), visit.accountId()).stream()
                .map(p -> new PayerRow(p.id(), p.type().name(), p.name(), p.country(), countryName(p.country(), locale),
                        p.vatId(), addressText(p.address())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payers");
        model.put("payers", rows);
        model.put("done", done(visit.param("done")));
        return Reply.page("payers", model);
    }

    private Reply form(int status, Visit visit, PayerForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payers");
        model.put("payerForm", form);
        model.put("countryOptions", countries(visit.theme().javaLocale()));
        return Reply.page(status, "payer-form", model);
    }

    /** A new payer's body: every field as typed (blank as empty, so the rules name it), none left out. */
    private static JsonObject newBody(PayerForm typed) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", orEmpty(typed.type())).add("name", orEmpty(typed.name()))
                .add("country", orEmpty(typed.country()));
        if (typed.vatId() != null) {
            body.add("vatId", typed.vatId());
        }
        if (typed.address() != null) {
            body.add("address", typed.address());
        }
        return body.build();
    }

    /**
     * A change's body: type, name and country as typed; an emptied VAT ID or address removes it; an
     * address left as the form showed it stays as stored (it may be the object an API client sent).
     */
    private static JsonObject changeBody(PayerForm typed, Payer before) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", orEmpty(typed.type())).add("name", orEmpty(typed.name()))
                .add("country", orEmpty(typed.country()));
        if (typed.vatId() == null) {
            body.addNull("vatId");
        } else {
            body.add("vatId", typed.vatId());
        }
        if (typed.address() == null) {
            body.addNull("address");
        } else if (!typed.address().equals(addressText(before.address()))) {
            body.add("address", typed.address());
        }
        return body.build();
    }

    /** Each refused field's text key, in the form's order; a refusal of no field as {@code form}. */
    private static Map<String, String> errors(KassaException e) {
        Map<String, String> byField = new HashMap<>();
        for (FieldError error : e.errors()) {
            String field = error.field().split("[.\\[]", 2)[0];
            if (FIELDS.contains(field)) {
                byField.putIfAbsent(field, "payers.error." + field);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(byField::containsKey).forEach(f -> ordered.put(f, byField.get(f)));
        if (ordered.isEmpty()) {
            ordered.put("form", "payer.limit_reached".equals(e.code()) ? "payers.error.limit" : "payers.error.other");
        }
        return ordered;
    }

    /** An address as a customer reads it: the string sent, or an object's values one per line. */
    static String addressText(String json) {
        if (json == null) {
            return null;
        }
        JsonValue value = JsonText.parse(json);
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return ((JsonString) value).getString();
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            return value.asJsonObject().values().stream().map(PayersPage::scalar).filter(s -> !s.isBlank())
                    .collect(Collectors.joining("\n"));
        }
        return json;
    }

    private static String scalar(JsonValue v) {
        switch (v.getValueType()) {
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return ((JsonNumber) v).toString();
            default:
                return "";
        }
    }

    static List<CountryOption> countries(Locale locale) {
        Collator order = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .map(c -> new CountryOption(c, countryName(c, locale)))
                .sorted(Comparator.comparing(CountryOption::name, order))
                .toList();
    }

    static String countryName(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    private static String done(String done) {
        return "added".equals(done) || "changed".equals(done) ? "payers.done." + done : null;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
