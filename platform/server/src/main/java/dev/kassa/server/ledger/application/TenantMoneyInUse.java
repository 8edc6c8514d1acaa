package dev.kassa.server.ledger.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.ledger.domain.JournalRepository;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.tenant.application.MoneyInUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Tells the tenant context where its money is: the journal's entries and the accounts' balances. */
@ApplicationScoped
public class TenantMoneyInUse implements MoneyInUse {
    private JournalRepository journal;
    private AccountRepository accounts;

    protected TenantMoneyInUse() {
    }

    @Inject
    public TenantMoneyInUse(JournalRepository journal, AccountRepository accounts) {
        this.journal = journal;
        this.accounts = accounts;
    }

    @Override
    public boolean hasMoved(String tenantId) {
        return journal.hasEntries(tenantId);
    }

    @Override
    public List<CurrencyUnit> accountCurrencies(String tenantId) {
        return accounts.currencies(tenantId);
    }
}
