package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.ClaimedMail;
import dev.kassa.server.mail.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the next due mail for one try, in a transaction of its own that commits before the SMTP
 * server is called: the row is locked while it is claimed (another node skips it rather than
 * waits), and once the claim commits it is no longer due for {@link #LEASE}, so no other node
 * tries it at the same time.
 */
@ApplicationScoped
public class OutboxClaims {
    /**
     * Longer than one try can last: every SMTP command is bounded by the transport's timeouts
     * (connect 10 s, each read or write 20 s, a dozen commands per mail), so a node that still holds
     * a claim after this long has died.
     */
    public static final Duration LEASE = Duration.ofMinutes(10);

    private OutboxRepository outbox;
    private Clock clock;

    protected OutboxClaims() {
    }

    @Inject
    public OutboxClaims(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The next due mail, claimed by this node until the lease ends; empty when none is due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClaimedMail> next(String messageIdDomain) {
        Instant now = clock.instant();
        return outbox.lockNextDue(now)
                .map(m -> m.claim(UUID.randomUUID().toString(), now.plus(LEASE), messageIdDomain, now));
    }
}
