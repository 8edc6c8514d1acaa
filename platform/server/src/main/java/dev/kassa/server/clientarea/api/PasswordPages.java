package dev.kassa.server.clientarea.api;

import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.application.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /forgot-password} (asks for a reset link by e-mail, with the same answer whether or not the
 * address is a customer's) and {@code /set-password?token=…} (the form behind an invitation or a
 * reset link: choosing the password signs the customer in).
 */
@ApplicationScoped
public class PasswordPages implements ClientAreaPage {
    private SignInService signIns;

    protected PasswordPages() {
    }

    @Inject
    public PasswordPages(SignInService signIns) {
        this.signIns = signIns;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/forgot-password", "/set-password");
    }

    @Override
    public boolean forCustomers() {
        return false;
    }

    @Override
    public Reply get(Visit visit) {
        if (visit.path().equals("/forgot-password")) {
            return Reply.page("forgot-password", Map.of());
        }
        String token = visit.param("token");
        if (token == null || !signIns.passwordTokenValid(visit.tenantId(), token)) {
            return linkInvalid();
        }
        return setPasswordForm(200, token, null);
    }

    @Override
    public Reply post(Visit visit) {
        if (visit.path().equals("/forgot-password")) {
            String email = visit.param("email");
            if (email == null || !email.contains("@") || email.length() > 254) {
                Map<String, Object> model = new HashMap<>();
                model.put("email", email);
                model.put("error", "forgotPassword.error.email");
                return Reply.page(422, "forgot-password", model);
            }
            signIns.requestPasswordReset(visit.tenantId(), email);
            return Reply.page("forgot-password", Map.of("sent", true, "email", email));
        }
        String token = visit.param("token");
        String password = visit.rawParam("password");
        if (token == null) {
            return linkInvalid();
        }
        if (password == null || !password.equals(visit.rawParam("confirm"))) {
            return setPasswordForm(422, token, "setPassword.error.mismatch");
        }
        try {
            visit.startSession(signIns.setPassword(visit.tenantId(), token, password, visit.remoteAddress()));
            return Reply.redirect("/");
        } catch (KassaException e) {
            if ("password.too_short".equals(e.code())) {
                return setPasswordForm(422, token, "setPassword.error.tooShort");
            }
            if ("sign_in.link_invalid".equals(e.code())) {
                return linkInvalid();
            }
            throw e;
        }
    }

    private static Reply setPasswordForm(int status, String token, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("error", error);
        return Reply.page(status, "set-password", model);
    }

    private static Reply linkInvalid() {
        return Reply.page(410, "error", Map.of("message", "setPassword.error.linkInvalid",
                "action", "/forgot-password", "actionText", "forgotPassword.heading"));
    }
}
