package dev.kassa.server.mail.api;

import dev.kassa.server.mail.domain.OutboxMessage;
import java.time.Instant;

/** The JSON shapes of the outbox. Headers and state only: bodies may hold links that sign a customer in. */
public final class OutboxViews {
    private OutboxViews() {
    }

    public record OutboxMailView(String id, String tenantId, String accountId, String kind, String recipient,
                                 String subject, String messageId, String status, int tries, String lastError,
                                 Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant sentAt) {
        public static OutboxMailView of(OutboxMessage m) {
            return new OutboxMailView(m.id(), m.tenantId(), m.accountId(), m.kind(), m.recipient(), m.subject(),
                    m.messageId(), m.status().name(), m.tries(), m.lastError(), m.createdAt(), m.lastAttemptAt(),
                    m.nextAttemptAt(), m.sentAt());
        }
    }
}
