package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxRepository;
import dev.kassa.server.mail.domain.OutboxStatus;
import dev.kassa.server.mail.domain.Sender;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.shared.RowCollector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox that every mail goes through. Other contexts put mail in within their own
 * transaction ({@code MANDATORY}): the mail is written if and only if the event it tells about
 * is, and {@link MailWorker} sends it after the commit. Three ways in: {@link #compose} for a mail
 * still to be written by the {@link MailRenderer} (the usual one), {@link #composeLater} for one the
 * renderer writes when it is first sent, {@link #enqueue} for one already written.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    /** The mails to write later put into the outbox inside {@link #collecting}, not in it yet. */
    private static final RowCollector<OutboxMessage> COLLECTED = new RowCollector<>();

    private OutboxRepository outbox;
    private Senders senders;
    private MailRenderer renderer;
    private Clock clock;

    protected MailOutbox() {
    }

    @Inject
    public MailOutbox(OutboxRepository outbox, Senders senders, MailRenderer renderer, Clock clock) {
        this.outbox = outbox;
        this.senders = senders;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Puts a written mail into the outbox, from the tenant's sender; returns its id ({@code eml_…}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueue(OutgoingMail mail) {
        OutboxMessage message = OutboxMessage.pending(Ids.next("eml"), mail.tenantId(), mail.accountId(), mail.kind(),
                mail.recipient(), senders.of(mail.tenantId()), mail.content(), clock.instant());
        outbox.add(message);
        return message.id();
    }

    /**
     * Writes the mail with the renderer and puts it into the outbox; returns its id. Mail never
     * undoes the caller's event: a renderer that fails (a template missing from a theme) leaves the
     * mail FAILED with the reason, for the operator to see in the outbox, and a mail that cannot
     * even be kept so (its recipient is not an address) is logged and left out (empty).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> compose(MailRequest request) {
        Sender sender = senders.of(request.tenantId());
        try {
            MailContent content = renderer.render(request);
            return Optional.of(enqueue(new OutgoingMail(request.tenantId(), request.accountId(), request.kind(),
                    request.recipient(), content)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Mail " + request.kind() + " for tenant " + request.tenantId()
                    + " could not be written; kept as FAILED in the outbox", e);
            try {
                OutboxMessage failed = OutboxMessage.unrendered(Ids.next("eml"), request.tenantId(),
                        request.accountId(), request.kind(), request.recipient(), sender, e.toString(),
                        clock.instant());
                outbox.add(failed);
                return Optional.of(failed.id());
            } catch (IllegalArgumentException unusable) {
                LOG.severe(() -> "Mail " + request.kind() + " for tenant " + request.tenantId()
                        + " is left out: " + unusable.getMessage());
                return Optional.empty();
            }
        }
    }

    /**
     * Like {@link #compose}, but the mail is written when it is first sent ({@link OutboxClaims}), not
     * now: the outbox keeps its kind, language and model, and the renderer's time stays out of the
     * caller's transaction (the billing run renews many services per transaction, each with its mails).
     * A model holding values {@link MailModels} cannot keep is written now, as {@link #compose} does.
     * Until it is written, the mail's subject is empty; a template that then fails leaves it FAILED
     * with the reason, as it would have now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> composeLater(MailRequest request) {
        Optional<String> model = MailModels.write(request.model());
        if (model.isEmpty()) {
            return compose(request);
        }
        try {
            OutboxMessage message = OutboxMessage.toWrite(Ids.next("eml"), request.tenantId(), request.accountId(),
                    request.kind(), request.recipient(), senders.of(request.tenantId()),
                    request.locale().toLanguageTag(), model.get(), clock.instant());
            if (!COLLECTED.offer(message)) {
                outbox.add(message);
            }
            return Optional.of(message.id());
        } catch (IllegalArgumentException unusable) {
            LOG.severe(() -> "Mail " + request.kind() + " for tenant " + request.tenantId()
                    + " is left out: " + unusable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} in the caller's transaction and puts the mails it composes to write later
     * ({@link #composeLater}) into the outbox when it returns, all at once ({@link
     * OutboxRepository#addAll}), instead of one row each at the commit: a billing run's batch makes
     * two per renewal while it holds the tenant's invoice counter. When {@code work} throws, none of
     * them is kept, and the caller's transaction is to roll back as it would anyway. Mails written
     * now ({@link #compose}) go in as always.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        return COLLECTED.collecting(work, outbox::addAll);
    }

    /** Every tenant's mail, newest first, of one status or all: {@code limit + 1} rows. */
    @Transactional
    public List<OutboxMessage> page(OutboxStatus status, PageRequest page) {
        return outbox.page(status, page.after(), page.limit());
    }
}
