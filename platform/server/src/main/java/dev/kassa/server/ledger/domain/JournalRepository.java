package dev.kassa.server.ledger.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The journal: transactions and their entries, only ever added to. Every method joins the
 * caller's transaction.
 */
public interface JournalRepository {
    /** Adds a transaction and its entries. */
    void add(JournalTransaction transaction, List<JournalEntry> entries);

    /**
     * Moves the customer's stored balance and writes the transaction and both entries in one
     * statement, where the database allows: the customer entry is {@code -customerDelta} with the
     * new balance beside it, the system entry {@code +customerDelta}. The new balance, or empty when
     * nothing was written: on a database without this ability, or when no account matched (unknown,
     * another tenant's or currency, or a debit the balance does not cover).
     */
    OptionalLong postOnCustomer(CustomerPosting posting);

    /**
     * Debits of one tenant's customer accounts, made at one instant, as {@link #postOnCustomer}
     * posts one but in one statement, for a caller that holds the accounts' locks: each account's
     * balance moves by the sum of its debits. The balance after each posting in the order given, or
     * empty with nothing written: on a database without this ability, or when any account does not
     * match or does not cover its debits.
     */
    Optional<long[]> postAllDebitsOnCustomers(String tenantId, List<CustomerPosting> postings);

    /** Whether {@code entryId} is an entry on this ledger account of this tenant. */
    boolean hasEntry(String tenantId, String ledgerAccount, String entryId);

    /** A ledger account's entries, newest first: {@code limit + 1} of them after the cursor {@code after} (or null). */
    List<JournalLine> page(String tenantId, String ledgerAccount, String after, int limit);

    /** Whether any money has moved for the tenant. */
    boolean hasEntries(String tenantId);

    /** A transaction whose entries in one currency do not add up to zero. */
    record Unbalanced(String transactionId, String currency, long sumMinor) { }

    /** A customer account whose stored balance is not minus the sum of its entries. */
    record BalanceMismatch(String accountId, long storedMinor, long computedMinor) { }

    /** The unbalanced transactions of one tenant, or of every tenant when {@code tenantId} is null. */
    List<Unbalanced> unbalanced(String tenantId);

    /** The customer accounts whose stored balance disagrees with the journal; every tenant's when null. */
    List<BalanceMismatch> balanceMismatches(String tenantId);

    /** How many customer accounts there are; every tenant's when null. */
    long customerAccounts(String tenantId);

    /** How many system accounts (per tenant and currency) have entries; every tenant's when null. */
    long systemAccounts(String tenantId);

    /** How many entries there are; every tenant's when null. */
    long entries(String tenantId);
}
