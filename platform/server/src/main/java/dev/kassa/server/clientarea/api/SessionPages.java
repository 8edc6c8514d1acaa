package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.signin.application.SignInService;
import dev.kassa.server.theme.application.ChosenTheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * {@code /} (sends a customer to the Top-up tab, their start page), {@code /sign-out}, and {@code /language}: the language
 * switcher of every page. A customer's choice is saved on the account and wins from then on, for
 * pages and e-mails; a visitor's is kept in a cookie until they sign in.
 */
@ApplicationScoped
public class SessionPages implements ClientAreaPage {
    private SignInService signIns;
    private AccountService accounts;

    protected SessionPages() {
    }

    @Inject
    public SessionPages(SignInService signIns, AccountService accounts) {
        this.signIns = signIns;
        this.accounts = accounts;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/", "/sign-out", "/language");
    }

    @Override
    public boolean forCustomers() {
        return false;
    }

    @Override
    public Reply get(Visit visit) {
        if (!visit.path().equals("/")) {
            return null;
        }
        if (!visit.signedIn()) {
            return Reply.redirect("/sign-in");
        }
        return Reply.redirect("/top-up"); // the Top-up tab is the customer's start

    }

    @Override
    public Reply post(Visit visit) {
        if (visit.path().equals("/sign-out")) {
            visit.session().ifPresent(s -> signIns.signOut(visit.tenantId(), s.token()));
            visit.endSession();
            return Reply.redirect("/sign-in");
        }
        if (visit.path().equals("/language")) {
            String locale = visit.param("locale");
            boolean offered = visit.theme().languages().stream().map(ChosenTheme.Language::locale)
                    .anyMatch(l -> l.equals(locale));
            if (offered) {
                if (visit.signedIn()) {
                    accounts.chooseLocale(visit.tenantId(), visit.accountId(), locale);
                } else {
                    visit.rememberLocale(locale);
                }
            }
            return Reply.redirect(ReturnPaths.safe(visit.param("returnTo"), "/"));
        }
        return null;
    }
}
