package dev.kassa.server.ledger.domain;

import java.time.Instant;

/**
 * A two-leg posting on a customer account named by its id, as the ledger hands it to
 * {@link JournalRepository#postOnCustomer}: the ids and texts of the transaction and its entries;
 * {@code customerDelta} is what the stored balance moves by.
 */
public record CustomerPosting(String tenantId, String accountId, String currency, long customerDelta,
                              String systemLedgerAccount, String transactionId, String type, String description,
                              String reference, String customerEntryId, String systemEntryId, Instant createdAt) { }
