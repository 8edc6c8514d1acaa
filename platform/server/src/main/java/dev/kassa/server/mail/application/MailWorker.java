package dev.kassa.server.mail.application;

import dev.kassa.server.config.Settings;
import dev.kassa.server.config.SmtpSettings;
import dev.kassa.server.mail.domain.ClaimedMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code KASSA_MAIL_INTERVAL} seconds, on every node: sends what is due in the outbox, one
 * mail at a time: claim it ({@link OutboxClaims}, committed), hand it to the SMTP server, record
 * the outcome ({@link OutboxOutcomes}). Without {@code KASSA_SMTP_HOST} it does nothing, and mail
 * waits in the outbox, untried.
 *
 * <p>What no design can close: the SMTP server cannot tell a repeat, so a node that dies (or loses
 * its database) after the server accepted a mail and before {@link OutboxOutcomes#sent} commits
 * leaves the mail claimed; when the lease runs out it is sent again, with the same Message-ID.
 */
@ApplicationScoped
public class MailWorker {
    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());
    /** Mails per round and node; the rest wait for the next round. */
    static final int BATCH = 50;

    private OutboxClaims claims;
    private OutboxOutcomes outcomes;
    private MailTransport transport;
    private Settings settings;

    protected MailWorker() {
    }

    @Inject
    public MailWorker(OutboxClaims claims, OutboxOutcomes outcomes, MailTransport transport, Settings settings) {
        this.claims = claims;
        this.outcomes = outcomes;
        this.transport = transport;
        this.settings = settings;
    }

    /** One round; returns how many mails were tried. */
    public int runOnce() {
        Optional<SmtpSettings> smtp = settings.smtp();
        if (smtp.isEmpty()) {
            return 0;
        }
        int tried = 0;
        while (tried < BATCH) {
            Optional<ClaimedMail> next = claims.next(smtp.get().fromDomain());
            if (next.isEmpty()) {
                break;
            }
            deliver(smtp.get(), next.get());
            tried++;
        }
        return tried;
    }

    private void deliver(SmtpSettings smtp, ClaimedMail mail) {
        try {
            transport.send(smtp, mail);
        } catch (MailTransport.Failure e) {
            LOG.fine(() -> "Mail " + mail.id() + " not sent (try " + mail.tries() + "): " + e.getMessage());
            outcomes.failed(mail, e.getMessage(), e.permanent());
            return;
        } catch (RuntimeException e) {
            // The transport broke in a way it did not foresee: nothing was accepted, try again later.
            LOG.log(Level.WARNING, "Sending mail " + mail.id() + " failed unexpectedly; it is tried again", e);
            outcomes.failed(mail, e.toString(), false);
            return;
        }
        outcomes.sent(mail);
    }
}
