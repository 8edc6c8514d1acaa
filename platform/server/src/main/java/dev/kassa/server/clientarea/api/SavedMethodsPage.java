package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.application.ReturnUrls;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /saved-methods}: the account's saved cards (brand, last 4, expiry, payer, status), making
 * one the default ({@code /saved-methods/default}), removing one ({@code /saved-methods/remove}),
 * and adding one ({@code /saved-methods/add}) on the gateway's hosted page in setup mode, which
 * comes back here; the card stays Pending until the gateway's webhook or the janitor confirms it.
 * All through {@link SavedMethodService}, as {@code /api/v1/saved-methods} does, for this account's
 * methods only.
 */
@ApplicationScoped
public class SavedMethodsPage implements ClientAreaPage {
    static final String LIST = "/saved-methods";

    private SavedMethodService savedMethods;
    private AccountService accounts;

    protected SavedMethodsPage() {
    }

    @Inject
    public SavedMethodsPage(SavedMethodService savedMethods, AccountService accounts) {
        this.savedMethods = savedMethods;
        this.accounts = accounts;
    }

    /** A saved method as the list shows it; {@code status} {@code PENDING}, {@code CONFIRMED} or {@code FAILED}. */
    public record SavedMethodRow(String id, String brand, String last4, String expiry, String payerName,
                                 String status, boolean isDefault, String reason) { }

    /** A choice of the add form: a payer, or a method (code and name). */
    public record Choice(String value, String label) { }

    @Override
    public Set<String> paths() {
        return Set.of(LIST, "/saved-methods/default", "/saved-methods/remove", "/saved-methods/add");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        if (!visit.path().equals(LIST)) {
            return null;
        }
        return list(200, visit, done(visit.param("done")), null, null);
    }

    @Override
    public Reply post(Visit visit) {
        String tenantId = visit.tenantId();
        String accountId = visit.accountId();
        switch (visit.path()) {
            case "/saved-methods/default":
                try {
                    savedMethods.makeDefault(tenantId, accountId, required(visit.param("id")));
                    return Reply.redirect(LIST + "?done=default");
                } catch (KassaException e) {
                    if (!"saved_method.not_confirmed".equals(e.code())) {
                        throw e;
                    }
                    return list(409, visit, null, "savedMethods.error.notConfirmed", null);
                }
            case "/saved-methods/remove":
                try {
                    savedMethods.delete(tenantId, accountId, required(visit.param("id")));
                    return Reply.redirect(LIST + "?done=removed");
                } catch (KassaException e) {
                    if (!"gateway.unavailable".equals(e.code())) {
                        throw e;
                    }
                    return list(503, visit, null, "savedMethods.error.gateway", null);
                }
            case "/saved-methods/add":
                return add(visit);
            default:
                return null;
        }
    }

    /** Starts the setup and sends the browser to the gateway's hosted page, which comes back here. */
    private Reply add(Visit visit) {
        String payerId = visit.param("payerId");
        String method = visit.param("method");
        if (payerId == null || method == null) {
            return list(422, visit, null, null, "savedMethods.error.choose");
        }
        String back = visit.origin() + LIST;
        SavedMethod started;
        try {
            started = savedMethods.create(visit.tenantId(), visit.accountId(), payerId, method, null,
                    new ReturnUrls(back, back));
        } catch (KassaException e) {
            if (e.status() == 404) {
                throw e;
            }
            return list(422, visit, null, null, "savedMethods.error.unavailable");
        }
        String redirect = redirectUrl(started.nextAction());
        return Reply.redirect(redirect != null ? redirect : LIST);
    }

    private Reply list(int status, Visit visit, String done, String error, String addError) {
        String tenantId = visit.tenantId();
        String accountId = visit.accountId();
        List<Payer> payers = accounts.payers(tenantId, accountId);
        Map<String, String> payerNames = payers.stream().collect(Collectors.toMap(Payer::id, Payer::name));
        List<SavedMethodRow> rows = savedMethods.list(tenantId, accountId).stream()
                .map(s -> new SavedMethodRow(s.id(), s.brand(), s.last4(), s.expiry(), payerNames.get(s.payerId()),
                        s.status().name(), s.isDefault(), s.reason()))
                .toList();
        Map<String, String> methods = new LinkedHashMap<>();
        for (Payer payer : payers) {
            for (ConfiguredMethod m : savedMethods.savable(tenantId, accountId, payer.id())) {
                methods.putIfAbsent(m.code(), m.method().info().name(visit.theme().locale()));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "saved-methods");
        model.put("savedMethods", rows);
        model.put("payerChoices", payers.stream().map(p -> new Choice(p.id(), p.name())).toList());
        model.put("methodChoices", methods.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList());
        model.put("done", done);
        model.put("savedMethodsError", error);
        model.put("addError", addError);
        return Reply.page(status, "saved-methods", model);
    }

    /** The hosted page the plugin returned, from the method's next action; null when there is none. */
    private static String redirectUrl(String nextAction) {
        JsonValue action = JsonText.parse(nextAction);
        if (action.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonObject object = action.asJsonObject();
        return "redirect".equals(object.getString("type", null)) ? object.getString("redirectUrl", null) : null;
    }

    private static String required(String id) {
        if (id == null) {
            throw KassaException.notFound();
        }
        return id;
    }

    private static String done(String done) {
        return done != null && Set.of("default", "removed", "added").contains(done) ? "savedMethods.done." + done
                : null;
    }
}
