package dev.kassa.server.clientarea.api;

import dev.kassa.server.shared.KassaException;
import dev.kassa.server.signin.application.LinkSignIn;
import dev.kassa.server.signin.application.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /sign-in} (e-mail and password) and {@code /sign-in/link} (a single-use link a tenant's own
 * panel made with {@code POST /api/v1/accounts/{id}/sign-in-links}, for single sign-on).
 */
@ApplicationScoped
public class SignInPages implements ClientAreaPage {
    static final String HOME = "/";

    private SignInService signIns;

    protected SignInPages() {
    }

    @Inject
    public SignInPages(SignInService signIns) {
        this.signIns = signIns;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/sign-in", "/sign-in/link");
    }

    @Override
    public boolean forCustomers() {
        return false;
    }

    @Override
    public boolean changesOnGet(String path) {
        return path.equals("/sign-in/link");
    }

    @Override
    public Reply get(Visit visit) {
        if (visit.path().equals("/sign-in/link")) {
            return redeem(visit);
        }
        String returnTo = ReturnPaths.safe(visit.param("returnTo"), HOME);
        if (visit.signedIn()) {
            return Reply.redirect(returnTo);
        }
        return form(200, null, null, returnTo);
    }

    @Override
    public Reply post(Visit visit) {
        if (!visit.path().equals("/sign-in")) {
            return null;
        }
        String email = visit.param("email");
        String password = visit.rawParam("password");
        String returnTo = ReturnPaths.safe(visit.param("returnTo"), HOME);
        if (email == null || password == null || password.isEmpty()) {
            return form(422, email, "signIn.error.missing", returnTo);
        }
        try {
            visit.startSession(signIns.signIn(visit.tenantId(), email, password, visit.remoteAddress()));
            return Reply.redirect(returnTo);
        } catch (KassaException e) {
            if ("sign_in.throttled".equals(e.code())) {
                return form(429, email, "signIn.error.throttled", returnTo);
            }
            if ("sign_in.failed".equals(e.code())) {
                return form(422, email, "signIn.error.failed", returnTo);
            }
            throw e;
        }
    }

    private Reply redeem(Visit visit) {
        String token = visit.param("token");
        Optional<LinkSignIn> signedIn = token == null ? Optional.empty()
                : signIns.redeemSignInLink(visit.tenantId(), token, visit.remoteAddress());
        if (signedIn.isEmpty()) {
            return Reply.page(410, "error", Map.of("message", "signIn.error.linkInvalid", "action", "/sign-in",
                    "actionText", "signIn.heading"));
        }
        visit.startSession(signedIn.get().session());
        return Reply.redirect(ReturnPaths.safe(signedIn.get().returnTo(), HOME));
    }

    private static Reply form(int status, String email, String error, String returnTo) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("error", error);
        model.put("returnTo", HOME.equals(returnTo) ? null : returnTo);
        return Reply.page(status, "sign-in", model);
    }
}
