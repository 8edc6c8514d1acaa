package dev.kassa.server.billing.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CreditNoteRepository {
    Optional<CreditNote> find(String tenantId, String id);

    /** The account's credit notes, newest first, {@code limit + 1} of them, optionally those of one invoice. */
    List<CreditNote> page(String tenantId, String accountId, String invoiceId, String after, int limit);

    /** Per invoice line, what the invoice's earlier credit notes took back of it (units and amounts). */
    Map<String, Credited> creditedLines(String tenantId, String invoiceId);

    void add(CreditNote creditNote);

    /** Units and amounts of one invoice line that credit notes took back so far. */
    record Credited(long quantity, LineAmounts amounts) { }
}
