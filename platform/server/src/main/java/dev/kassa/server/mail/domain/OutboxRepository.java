package dev.kassa.server.mail.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox. Every method joins the caller's transaction. The worker and the operator work across
 * tenants, so {@link #lockNextDue} and {@link #page} take none; each row still carries its tenant.
 */
public interface OutboxRepository {
    void add(OutboxMessage message);

    /**
     * New mails still to be written ({@link OutboxMessage#toWrite}), never tried, all written now:
     * every one of them or, when the write fails, none (the caller's transaction is then to be rolled
     * back). One statement where the database allows it, instead of a row each at the commit.
     */
    default void addAll(List<OutboxMessage> messages) {
        messages.forEach(this::add);
    }

    /**
     * The PENDING mail due longest ago ({@code nextAttemptAt <= now}), locked until the transaction
     * ends, skipping any another node holds locked at this moment; empty when none is due.
     */
    Optional<OutboxMessage> lockNextDue(Instant now);

    /** The mail, locked until the transaction ends. */
    Optional<OutboxMessage> lock(String tenantId, String id);

    /** Newest first, {@code limit + 1} rows after the cursor (or from the newest), of one status or all. */
    List<OutboxMessage> page(OutboxStatus status, String after, int limit);
}
