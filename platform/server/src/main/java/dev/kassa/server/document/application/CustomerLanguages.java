package dev.kassa.server.document.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.theme.application.ThemeChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The language an account's documents are written in: the one its customer sees the client area
 * in (their chosen language, else their country's theme, else the tenant's default).
 */
@ApplicationScoped
public class CustomerLanguages {
    private AccountService accounts;
    private ThemeChoice themes;

    protected CustomerLanguages() {
    }

    @Inject
    public CustomerLanguages(AccountService accounts, ThemeChoice themes) {
        this.accounts = accounts;
        this.themes = themes;
    }

    public String of(String tenantId, String accountId) {
        Account account = accounts.get(tenantId, accountId);
        return themes.localeForCustomer(tenantId, account.locale(), account.country());
    }
}
