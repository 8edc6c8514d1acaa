package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.OutboxStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in a map, for the worker's rules without a database (row locks are the database's part). */
final class InMemoryOutbox implements OutboxRepository {
    final Map<String, OutboxMessage> rows = new LinkedHashMap<>();

    @Override
    public void add(OutboxMessage message) {
        rows.put(message.id(), message);
    }

    @Override
    public Optional<OutboxMessage> lockNextDue(Instant now) {
        return rows.values().stream()
                .filter(m -> m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now))
                .min(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id));
    }

    @Override
    public Optional<OutboxMessage> lock(String tenantId, String id) {
        return Optional.ofNullable(rows.get(id)).filter(m -> m.tenantId().equals(tenantId));
    }

    @Override
    public List<OutboxMessage> page(OutboxStatus status, String after, int limit) {
        return rows.values().stream().filter(m -> status == null || m.status() == status)
                .filter(m -> after == null || m.id().compareTo(after) < 0)
                .sorted(Comparator.comparing(OutboxMessage::id).reversed()).limit(limit + 1L).toList();
    }

    OutboxMessage only() {
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one mail, found " + rows.size());
        }
        return rows.values().iterator().next();
    }
}
