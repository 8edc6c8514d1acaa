package dev.kassa.server.account.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.currency.application.AccountLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells the currency context whether an account a quote is made for exists. */
@ApplicationScoped
public class QuoteAccountLookup implements AccountLookup {
    private AccountRepository accounts;

    protected QuoteAccountLookup() {
    }

    @Inject
    public QuoteAccountLookup(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean exists(String tenantId, String accountId) {
        return accounts.find(tenantId, accountId).isPresent();
    }
}
