package dev.kassa.server.billing.domain;

import java.util.List;
import java.util.Optional;

public interface ReceiptRepository {
    Optional<Receipt> find(String tenantId, String id);

    Optional<Receipt> findByTopUp(String tenantId, String topUpId);

    /** The account's receipts, newest first, {@code limit + 1} of them. */
    List<Receipt> page(String tenantId, String accountId, String after, int limit);

    void add(Receipt receipt);
}
