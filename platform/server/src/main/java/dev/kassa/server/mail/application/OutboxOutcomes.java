package dev.kassa.server.mail.application;

import dev.kassa.server.config.Settings;
import dev.kassa.server.mail.domain.ClaimedMail;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Records how a try went, in a transaction of its own, under the row's lock, and only while the
 * node still holds its claim: SENT, or tried again later with back-off ({@link RetryPolicy}), or
 * FAILED once trying again cannot help or the tries are used up.
 */
@ApplicationScoped
public class OutboxOutcomes {
    private static final Logger LOG = Logger.getLogger(OutboxOutcomes.class.getName());

    private OutboxRepository outbox;
    private RetryPolicy retries;
    private Clock clock;

    protected OutboxOutcomes() {
    }

    @Inject
    public OutboxOutcomes(OutboxRepository outbox, Settings settings, Clock clock) {
        this(outbox, new RetryPolicy(settings.mailInterval()), clock);
    }

    public OutboxOutcomes(OutboxRepository outbox, RetryPolicy retries, Clock clock) {
        this.outbox = outbox;
        this.retries = retries;
        this.clock = clock;
    }

    /** The SMTP server accepted the mail; false when this node had lost its claim (nothing recorded). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sent(ClaimedMail mail) {
        Optional<OutboxMessage> held = held(mail);
        held.ifPresent(m -> m.sent(clock.instant()));
        return held.isPresent();
    }

    /** The try failed; false when this node had lost its claim (nothing recorded). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(ClaimedMail mail, String reason, boolean permanent) {
        Optional<OutboxMessage> held = held(mail);
        held.ifPresent(m -> {
            Instant now = clock.instant();
            Optional<Instant> next = retries.nextTry(now, m.tries(), permanent);
            m.failedTry(reason, next, now);
            if (next.isEmpty()) {
                LOG.warning(() -> "Mail " + m.id() + " (" + m.kind() + ", tenant " + m.tenantId() + ") failed after "
                        + m.tries() + (m.tries() == 1 ? " try" : " tries") + " and is given up: " + m.lastError());
            }
        });
        return held.isPresent();
    }

    private Optional<OutboxMessage> held(ClaimedMail mail) {
        Optional<OutboxMessage> row = outbox.lock(mail.tenantId(), mail.id()).filter(m -> m.heldBy(mail.claim()));
        if (row.isEmpty()) {
            LOG.warning(() -> "Mail " + mail.id() + " was claimed by another node after this one's lease of "
                    + OutboxClaims.LEASE.toMinutes() + " minutes ran out; this node's outcome is not recorded");
        }
        return row;
    }
}
