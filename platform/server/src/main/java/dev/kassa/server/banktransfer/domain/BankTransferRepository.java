package dev.kassa.server.banktransfer.domain;

import java.util.List;
import java.util.Optional;

/** Bank transfers, always within one tenant. Every method joins the caller's transaction. */
public interface BankTransferRepository {
    /**
     * Adds the transfer unless the tenant reported its bank transaction id before. A concurrent
     * report of the same bank transaction waits until the first commits, then adds nothing.
     *
     * @return whether this call added it
     */
    boolean addIfNew(BankTransfer transfer);

    Optional<BankTransfer> find(String tenantId, String id);

    /** The transfer, locked until the transaction ends; 404 {@code not_found} when there is none. */
    BankTransfer lock(String tenantId, String id);

    Optional<BankTransfer> findByBankTransactionId(String tenantId, String bankTransactionId);

    /** The tenant's transfers, newest first, of one status or all: {@code limit + 1} after the cursor {@code after}. */
    List<BankTransfer> page(String tenantId, BankTransfer.Status status, String after, int limit);
}
