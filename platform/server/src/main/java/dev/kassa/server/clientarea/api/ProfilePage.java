package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.application.AccountService.CurrencyLock;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.application.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /profile}: the customer's name, e-mail and top-up reference, the language (the switcher's
 * form, coming back here), the account currency ({@code /profile/currency}; while
 * {@link AccountService#currencyLock} says why it cannot change, that reason instead of the form)
 * and the password ({@code /profile/password}, through {@link SignInService#changePassword}).
 */
@ApplicationScoped
public class ProfilePage implements ClientAreaPage {
    static final String PROFILE = "/profile";

    private AccountService accounts;
    private SignInService signIns;

    protected ProfilePage() {
    }

    @Inject
    public ProfilePage(AccountService accounts, SignInService signIns) {
        this.accounts = accounts;
        this.signIns = signIns;
    }

    /**
     * What the profile shows: {@code currencyLocked} the text key of why the currency cannot change
     * (null when it can), {@code currencies} the codes it may change to.
     */
    public record Profile(String name, String email, String reference, String currency, String currencyLocked,
                          List<String> currencies) { }

    @Override
    public Set<String> paths() {
        return Set.of(PROFILE, "/profile/currency", "/profile/password");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        if (!visit.path().equals(PROFILE)) {
            return null;
        }
        String done = visit.param("done");
        return page(200, visit, "currency".equals(done) || "password".equals(done) ? "profile.done." + done : null,
                null, Map.of());
    }

    @Override
    public Reply post(Visit visit) {
        if (visit.path().equals("/profile/currency")) {
            return changeCurrency(visit);
        }
        if (visit.path().equals("/profile/password")) {
            return changePassword(visit);
        }
        return null;
    }

    private Reply changeCurrency(Visit visit) {
        Optional<CurrencyUnit> currency = CurrencyRegistry.iso4217().find(upper(visit.param("currency")));
        if (currency.isEmpty()) {
            return page(422, visit, null, "profile.error.currency", Map.of());
        }
        try {
            accounts.changeCurrency(visit.tenantId(), visit.accountId(), currency.get());
            return Reply.redirect(PROFILE + "?done=currency");
        } catch (KassaException e) {
            if (e.status() == 409 || e.status() == 422) {
                // Locked since the page was shown (the page then says why), or not a currency of the tenant.
                return page(e.status(), visit, null, e.status() == 409 ? null : "profile.error.currency", Map.of());
            }
            throw e;
        }
    }

    private Reply changePassword(Visit visit) {
        String current = visit.rawParam("currentPassword");
        String chosen = visit.rawParam("newPassword");
        Map<String, String> errors = new LinkedHashMap<>();
        if (current == null || current.isEmpty()) {
            errors.put("currentPassword", "profile.error.currentPassword");
        }
        if (chosen == null || chosen.isEmpty()) {
            errors.put("newPassword", "setPassword.error.tooShort");
        } else if (!chosen.equals(visit.rawParam("confirmPassword"))) {
            errors.put("confirmPassword", "setPassword.error.mismatch");
        }
        if (errors.isEmpty()) {
            try {
                visit.startSession(signIns.changePassword(visit.tenantId(), visit.accountId(), current, chosen,
                        visit.remoteAddress()));
                return Reply.redirect(PROFILE + "?done=password");
            } catch (KassaException e) {
                if ("sign_in.failed".equals(e.code())) {
                    errors.put("currentPassword", "profile.error.currentPassword");
                } else if ("password.too_short".equals(e.code())) {
                    errors.put("newPassword", "setPassword.error.tooShort");
                } else {
                    throw e;
                }
            }
        }
        return page(422, visit, null, null, errors);
    }

    private Reply page(int status, Visit visit, String done, String currencyError, Map<String, String> passwordErrors) {
        Account account = accounts.get(visit.tenantId(), visit.accountId());
        Optional<CurrencyLock> lock = accounts.currencyLock(visit.tenantId(), visit.accountId());
        List<String> currencies = accounts.accountCurrencies(visit.tenantId()).stream().map(CurrencyUnit::code)
                .sorted().toList();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "profile");
        model.put("profile", new Profile(account.name(), account.email(), account.reference(),
                account.currency().code(), lock.map(ProfilePage::reason).orElse(null), currencies));
        model.put("done", done);
        model.put("currencyError", currencyError);
        model.put("passwordErrors", passwordErrors);
        return Reply.page(status, "profile", model);
    }

    private static String reason(CurrencyLock lock) {
        return lock == CurrencyLock.BALANCE_NOT_ZERO ? "profile.currency.lockedBalance" : "profile.currency.lockedTopUp";
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
