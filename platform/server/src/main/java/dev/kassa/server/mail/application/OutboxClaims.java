package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.ClaimedMail;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(OutboxClaims.class.getName());

    private OutboxRepository outbox;
    private MailRenderer renderer;
    private Clock clock;

    protected OutboxClaims() {
    }

    @Inject
    public OutboxClaims(OutboxRepository outbox, MailRenderer renderer, Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * The next due mail, claimed by this node until the lease ends; empty when none is due. A mail
     * still to be written ({@link MailOutbox#composeLater}) is written first, under the same lock, so
     * every try sends the same text; one whose template fails is left FAILED and the next is taken.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClaimedMail> next(String messageIdDomain) {
        Instant now = clock.instant();
        while (true) {
            Optional<OutboxMessage> due = outbox.lockNextDue(now);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            OutboxMessage m = due.get();
            if (!m.needsWriting() || write(m, now)) {
                return Optional.of(m.claim(UUID.randomUUID().toString(), now.plus(LEASE), messageIdDomain, now));
            }
        }
    }

    private boolean write(OutboxMessage m, Instant now) {
        try {
            m.written(renderer.render(new MailRequest(m.tenantId(), m.accountId(), m.kind(), m.recipient(),
                    Locale.forLanguageTag(m.locale()), MailModels.read(m.model()))), now);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Mail " + m.id() + " (" + m.kind() + ") could not be written; kept as FAILED", e);
            m.notWritten(e.toString(), now);
            return false;
        }
    }
}
