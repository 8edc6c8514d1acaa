package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.signin.application.Customers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/** Sign-in's view of the account context. */
@ApplicationScoped
public class AccountCustomers implements Customers {
    private AccountService accounts;

    protected AccountCustomers() {
    }

    @Inject
    public AccountCustomers(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Customer require(String tenantId, String accountId) {
        return of(accounts.get(tenantId, accountId));
    }

    @Override
    public Optional<Customer> byEmail(String tenantId, String email) {
        return accounts.findByEmail(tenantId, email).map(AccountCustomers::of);
    }

    @Override
    public Customer open(String tenantId, String email, String name, String country) {
        return of(accounts.create(tenantId, new AccountService.NewAccount(email, name, country, null, null)));
    }

    @Override
    public void addPayer(String tenantId, String accountId, boolean company, String name, String country,
                         String vatId) {
        accounts.addPayer(tenantId, accountId, new AccountService.NewPayer(
                company ? Payer.Type.COMPANY : Payer.Type.PERSON, name, country, vatId, null));
    }

    private static Customer of(Account account) {
        Locale locale = account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
        return new Customer(account.tenantId(), account.id(), account.email(), account.name(), locale);
    }
}
