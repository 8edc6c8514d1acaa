package dev.kassa.server.ledger.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.ledger.domain.CustomerPosting;
import dev.kassa.server.ledger.domain.FxDetails;
import dev.kassa.server.ledger.domain.JournalEntry;
import dev.kassa.server.ledger.domain.JournalRepository;
import dev.kassa.server.ledger.domain.JournalTransaction;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Posts balanced journal transactions. Every method runs inside the caller's transaction, and a
 * customer account passed in must already be locked by the caller ({@code PESSIMISTIC_WRITE}), so
 * the stored balance and the entries move together or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {
    private JournalRepository journal;
    private Clock clock;

    protected Ledger() {
    }

    @Inject
    public Ledger(JournalRepository journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Money in to a customer account named by its id, without loading or locking it first: where the
     * database allows (PostgreSQL), one statement moves the stored balance and writes the balanced
     * transaction. Empty when nothing was written (H2, or no account of this tenant in the amount's
     * currency); the caller then locks the account and uses {@link #credit}, which also says why.
     */
    public Optional<AccountPosting> creditById(String tenantId, String accountId, Money amount, SystemAccount from,
                                               TransactionType type, String description, String reference) {
        requirePositive(amount);
        // Ids in leg order, as post() makes them, so a statement lists the legs the same way either path.
        String tx = Ids.next("txn");
        String systemEntry = Ids.next("jen");
        String customerEntry = Ids.next("jen");
        return byId(tenantId, accountId, amount, amount.minor(), from, type, description, reference, tx,
                customerEntry, systemEntry);
    }

    /**
     * Money out of a customer account named by its id, as {@link #creditById}; also empty when the
     * balance does not cover it (nothing is written, and {@link #debit} under the lock refuses it).
     */
    public Optional<AccountPosting> debitById(String tenantId, String accountId, Money amount, SystemAccount to,
                                              TransactionType type, String description, String reference) {
        requirePositive(amount);
        String tx = Ids.next("txn");
        String customerEntry = Ids.next("jen");
        String systemEntry = Ids.next("jen");
        return byId(tenantId, accountId, amount, Math.negateExact(amount.minor()), to, type, description, reference,
                tx, customerEntry, systemEntry);
    }

    /** A debit of a customer account named by its id, with its journal transaction's texts ({@link #debitAllById}). */
    public record Debit(String accountId, Money amount, String description, String reference) { }

    /**
     * Debits of several customer accounts of one tenant, all to {@code to} and of one type, as
     * {@link #debitById} makes each, but in one statement where the database allows (PostgreSQL).
     * The caller holds the accounts' locks (a billing run's batch): an account with several debits
     * moves once, by their sum, and each posting keeps the balance after it in the order given.
     * Empty when nothing was written (H2, or an account unknown, of another currency, or not
     * covering its debits); the caller then posts them one by one, which also says why.
     *
     * @return the postings, in the order given
     */
    public Optional<List<AccountPosting>> debitAllById(String tenantId, List<Debit> debits, SystemAccount to,
                                                       TransactionType type) {
        Instant now = clock.instant();
        List<CustomerPosting> postings = new ArrayList<>(debits.size());
        for (Debit debit : debits) {
            requirePositive(debit.amount());
            postings.add(new CustomerPosting(tenantId, debit.accountId(), debit.amount().currency().code(),
                    Math.negateExact(debit.amount().minor()), to.ledgerAccount(debit.amount().currency()),
                    Ids.next("txn"), type.name(), debit.description(), debit.reference(), Ids.next("jen"),
                    Ids.next("jen"), now));
        }
        return journal.postAllDebitsOnCustomers(tenantId, postings).map(after -> {
            List<AccountPosting> done = new ArrayList<>(after.length);
            for (int i = 0; i < after.length; i++) {
                CustomerPosting p = postings.get(i);
                done.add(new AccountPosting(p.transactionId(), now,
                        new Money(after[i], debits.get(i).amount().currency())));
            }
            return done;
        });
    }

    private Optional<AccountPosting> byId(String tenantId, String accountId, Money amount, long customerDelta,
                                          SystemAccount system, TransactionType type, String description,
                                          String reference, String tx, String customerEntry, String systemEntry) {
        Instant now = clock.instant();
        OptionalLong after = journal.postOnCustomer(new CustomerPosting(tenantId, accountId,
                amount.currency().code(), customerDelta, system.ledgerAccount(amount.currency()), tx, type.name(),
                description, reference, customerEntry, systemEntry, now));
        return after.isPresent()
                ? Optional.of(new AccountPosting(tx, now, new Money(after.getAsLong(), amount.currency())))
                : Optional.empty();
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("postings move positive amounts: " + amount);
        }
    }

    /** Money in: debit a system account (where it came from), credit the customer. */
    public Posting credit(Account customer, Money amount, SystemAccount from, TransactionType type,
                          String description, String reference) {
        Money after = customer.credit(amount);
        return post(customer.tenantId(), type, description, reference, null,
                new Leg(from.ledgerAccount(amount.currency()), amount, null),
                new Leg(customer.id(), amount.negate(), after.minor()));
    }

    /**
     * Money in, in another currency than the customer's: {@code paid} leaves {@code from} into the
     * exchange account, {@code credit} leaves the exchange account to the customer. Each currency
     * balances on its own; the rate, its source and date are kept on the transaction.
     */
    public Posting creditConverted(Account customer, Money credit, FxDetails fx, SystemAccount from,
                                   TransactionType type, String description, String reference) {
        Money paid = fx.paid();
        Money after = customer.credit(credit);
        return post(customer.tenantId(), type, description, reference, fx,
                new Leg(from.ledgerAccount(paid.currency()), paid, null),
                new Leg(SystemAccount.EXCHANGE.ledgerAccount(paid.currency()), paid.negate(), null),
                new Leg(SystemAccount.EXCHANGE.ledgerAccount(credit.currency()), credit, null),
                new Leg(customer.id(), credit.negate(), after.minor()));
    }

    /** Money out: debit the customer (never below zero), credit a system account. */
    public Posting debit(Account customer, Money amount, SystemAccount to, TransactionType type,
                         String description, String reference) {
        Money after = customer.debit(amount);
        return post(customer.tenantId(), type, description, reference, null,
                new Leg(customer.id(), amount, after.minor()),
                new Leg(to.ledgerAccount(amount.currency()), amount.negate(), null));
    }

    /**
     * Money a gateway took back from a payment it had paid (a chargeback): debit the customer, even
     * below zero (the money is gone already, refusing would only hide it), credit {@code to}, the
     * system account the money had come through. Type {@link TransactionType#REVERSAL}.
     */
    public Posting reverse(Account customer, Money amount, SystemAccount to, String description, String reference) {
        Money after = customer.takeBack(amount);
        return post(customer.tenantId(), TransactionType.REVERSAL, description, reference, null,
                new Leg(customer.id(), amount, after.minor()),
                new Leg(to.ledgerAccount(amount.currency()), amount.negate(), null));
    }

    /** Between two system accounts of a tenant: debit {@code to}, credit {@code from}. */
    public Posting move(String tenantId, Money amount, SystemAccount from, SystemAccount to, TransactionType type,
                        String description, String reference) {
        return post(tenantId, type, description, reference, null,
                new Leg(to.ledgerAccount(amount.currency()), amount, null),
                new Leg(from.ledgerAccount(amount.currency()), amount.negate(), null));
    }

    /** Writes one balanced transaction; {@code fx}, when not null, is kept beside a converted posting. */
    private Posting post(String tenantId, TransactionType type, String description, String reference, FxDetails fx,
                         Leg... legs) {
        java.util.Map<String, Long> perCurrency = new java.util.HashMap<>();
        for (Leg leg : legs) {
            perCurrency.merge(leg.amount().currency().code(), leg.amount().minor(), Math::addExact);
        }
        if (perCurrency.values().stream().anyMatch(sum -> sum != 0) || !legs[0].amount().isPositive()) {
            throw new IllegalStateException("unbalanced posting: " + java.util.Arrays.toString(legs));
        }
        Instant now = clock.instant();
        JournalTransaction tx = new JournalTransaction(Ids.next("txn"), tenantId, type, description, reference, now);
        if (fx != null) {
            tx.recordConversion(fx);
        }
        List<JournalEntry> entries = new ArrayList<>(legs.length);
        for (Leg leg : legs) {
            entries.add(new JournalEntry(Ids.next("jen"), tenantId, tx, leg.ledgerAccount(), leg.amount(),
                    leg.balanceAfterMinor(), now));
        }
        journal.add(tx, entries);
        return new Posting(tx.id(), now);
    }

    private record Leg(String ledgerAccount, Money amount, Long balanceAfterMinor) { }

    /** What a posting produced: the journal transaction id and its time. */
    public record Posting(String transactionId, Instant createdAt) { }

    /** A posting on a customer account, with the account's balance right after it. */
    public record AccountPosting(String transactionId, Instant createdAt, Money balanceAfter) { }
}
