package dev.kassa.server.account.domain;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Accounts and payers, always looked up within one tenant. Every method joins the caller's transaction. */
public interface AccountRepository {
    Optional<Account> find(String tenantId, String id);

    /** The account, or 404 {@code not_found}. */
    default Account require(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The account, locked until the transaction ends (404 when there is none): the only way balances are changed. */
    Account lock(String tenantId, String id);

    /**
     * The tenant's accounts with these ids, locked until the transaction ends, in id order (two
     * callers that share accounts wait for each other, never deadlock); ids of no account of the
     * tenant are left out. One query for a billing batch instead of one per account.
     */
    List<Account> lockAll(String tenantId, Collection<String> ids);

    Optional<Account> findByReference(String tenantId, String reference);

    /** The tenant's account with this email, compared without case. */
    Optional<Account> findByEmail(String tenantId, String email);

    /** Whether an account of the tenant has this email, compared without case. */
    boolean emailTaken(String tenantId, String email);

    /** The tenant's accounts, newest first: {@code limit + 1} of them after the cursor {@code after} (or null). */
    List<Account> page(String tenantId, String after, int limit);

    /** The currencies the tenant's accounts are kept in. */
    List<CurrencyUnit> currencies(String tenantId);

    void add(Account account);

    Optional<Payer> findPayer(String tenantId, String accountId, String payerId);

    /**
     * Reads the tenant's payers with these ids in one query, so that {@link #findPayer} finds them
     * in the transaction without a query each (a billing batch reads one per renewal).
     */
    void readPayers(String tenantId, Collection<String> payerIds);

    /** The account's payers, oldest first. */
    List<Payer> payers(String tenantId, String accountId);

    long countPayers(String tenantId, String accountId);

    void addPayer(Payer payer);
}
