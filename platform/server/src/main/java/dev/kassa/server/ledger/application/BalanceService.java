package dev.kassa.server.ledger.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.ledger.domain.FxDetails;
import dev.kassa.server.ledger.domain.JournalEntry;
import dev.kassa.server.ledger.domain.JournalRepository;
import dev.kassa.server.ledger.domain.JournalTransaction;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Charges, manual adjustments and the statement of one customer balance. */
@ApplicationScoped
public class BalanceService {
    private AccountRepository accounts;
    private Ledger ledger;
    private JournalRepository journal;

    protected BalanceService() {
    }

    @Inject
    public BalanceService(AccountRepository accounts, Ledger ledger, JournalRepository journal) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.journal = journal;
    }

    public record Movement(String id, Money amount, Money balanceAfter, Instant createdAt) { }

    /** Pays for something from the balance; 409 {@code balance.insufficient} changes nothing. */
    @Transactional
    public Movement charge(String tenantId, String accountId, Money amount, String description) {
        return charge(tenantId, accountId, amount, description, null);
    }

    /** A charge whose journal transaction carries {@code reference}, such as the number of the invoice it pays. */
    @Transactional
    public Movement charge(String tenantId, String accountId, Money amount, String description, String reference) {
        Optional<Ledger.AccountPosting> done = ledger.debitById(tenantId, accountId, amount, SystemAccount.REVENUE,
                TransactionType.CHARGE, description, reference);
        if (done.isPresent()) {
            Ledger.AccountPosting posting = done.get();
            return new Movement(posting.transactionId(), amount, posting.balanceAfter(), posting.createdAt());
        }
        // Not posted in one statement (H2, or refused): under the lock, the answer says why (404, 422, 409).
        Account account = accounts.lock(tenantId, accountId);
        requireAccountCurrency(account, amount);
        Ledger.Posting posting = ledger.debit(account, amount, SystemAccount.REVENUE, TransactionType.CHARGE,
                description, reference);
        return new Movement(posting.transactionId(), amount, account.balance(), posting.createdAt());
    }

    /**
     * Several charges of one tenant in the caller's transaction, each exactly as {@link #charge}
     * makes it, for a caller that already holds the accounts' locks (a billing run's batch): in one
     * statement where the database allows, else one by one. The caller knows every charge is covered;
     * one that is not fails as {@link #charge} fails (409 {@code balance.insufficient}), and the
     * caller's transaction must then roll back.
     *
     * @return the movements, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Movement> chargeAll(String tenantId, List<Ledger.Debit> charges) {
        Optional<List<Ledger.AccountPosting>> done = ledger.debitAllById(tenantId, charges, SystemAccount.REVENUE,
                TransactionType.CHARGE);
        if (done.isEmpty()) {
            return charges.stream().map(c -> charge(tenantId, c.accountId(), c.amount(), c.description(),
                    c.reference())).toList();
        }
        List<Movement> movements = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            Ledger.AccountPosting posting = done.get().get(i);
            movements.add(new Movement(posting.transactionId(), charges.get(i).amount(), posting.balanceAfter(),
                    posting.createdAt()));
        }
        return movements;
    }

    /**
     * Gives back to the balance what it paid for something (a credit note on a paid invoice): revenue
     * to customer, the journal transaction carrying {@code reference}.
     */
    @Transactional
    public Movement giveBack(String tenantId, String accountId, Money amount, String description, String reference) {
        Account account = accounts.lock(tenantId, accountId);
        requireAccountCurrency(account, amount);
        Ledger.Posting posting = ledger.credit(account, amount, SystemAccount.REVENUE, TransactionType.CREDIT_NOTE,
                description, reference);
        return new Movement(posting.transactionId(), amount, account.balance(), posting.createdAt());
    }

    public enum Direction { CREDIT, DEBIT }

    /** A manual correction with a reason; a debit never takes the balance below zero. */
    @Transactional
    public Movement adjust(String tenantId, String accountId, Money amount, Direction direction, String reason) {
        Account account = accounts.lock(tenantId, accountId);
        requireAccountCurrency(account, amount);
        Ledger.Posting posting = direction == Direction.CREDIT
                ? ledger.credit(account, amount, SystemAccount.ADJUSTMENTS, TransactionType.ADJUSTMENT, reason, null)
                : ledger.debit(account, amount, SystemAccount.ADJUSTMENTS, TransactionType.ADJUSTMENT, reason, null);
        return new Movement(posting.transactionId(), amount, account.balance(), posting.createdAt());
    }

    /** One line of a statement: the amount is signed from the customer's side (+ credit, - debit). */
    public record StatementLine(String cursor, String transactionId, TransactionType type, Money amount,
                                Money balanceAfter, String description, String reference, FxDetails fx,
                                Instant createdAt) { }

    @Transactional
    public List<StatementLine> statement(String tenantId, String accountId, PageRequest page) {
        Account account = accounts.require(tenantId, accountId);
        if (page.after() != null && (!Ids.looksLike(page.after(), "jen")
                || !journal.hasEntry(tenantId, account.id(), page.after()))) {
            throw KassaException.invalidCursor();
        }
        return journal.page(tenantId, account.id(), page.after(), page.limit()).stream().map(line -> {
            JournalEntry e = line.entry();
            JournalTransaction t = line.transaction();
            return new StatementLine(e.id(), t.id(), t.type(), new Money(-e.amount().minor(), account.currency()),
                    new Money(e.balanceAfterMinor(), account.currency()), t.description(), t.reference(),
                    t.conversion().orElse(null), t.createdAt());
        }).toList();
    }

    private static void requireAccountCurrency(Account account, Money amount) {
        if (!amount.currency().equals(account.currency())) {
            throw KassaException.invalid("amount.currency", "currency.mismatch",
                    "must be the account currency " + account.currency());
        }
    }
}
