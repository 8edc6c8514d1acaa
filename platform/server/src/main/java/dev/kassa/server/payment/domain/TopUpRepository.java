package dev.kassa.server.payment.domain;

import dev.kassa.server.shared.KassaException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Top-ups, always looked up within one tenant. Every method joins the caller's transaction. */
public interface TopUpRepository {
    Optional<TopUp> find(String tenantId, String id);

    /** The top-up, or 404 {@code not_found}. */
    default TopUp require(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The top-up, locked until the transaction ends; 404 when there is none. */
    TopUp lock(String tenantId, String id);

    Optional<TopUp> findByReference(String tenantId, String reference);

    /** An account's top-ups, newest first, of one status or all: {@code limit + 1} after the cursor {@code after}. */
    List<TopUp> page(String tenantId, String accountId, TopUpStatus status, String after, int limit);

    /** The IBAN a top-up was paid from: of its account, and of its payer (null when it named none). */
    record PayerIban(String accountId, String payerId, String iban) { }

    /**
     * The IBANs the accounts' top-ups were paid from, as bank statements named them, newest top-up
     * first: where the newest one of a payer (or of its account, naming no payer) is found, for
     * many accounts in one query (a billing batch).
     */
    List<PayerIban> payerIbans(String tenantId, Collection<String> accountIds);

    /** Whether the account has a top-up still NEW. */
    boolean anyOpen(String tenantId, String accountId);

    /** Adds a top-up; its row is written at once, since its payment attempt references it. */
    void add(TopUp topUp);
}
