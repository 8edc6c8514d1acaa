package dev.kassa.server.mail.application;

import dev.kassa.server.config.SmtpSettings;
import dev.kassa.server.mail.domain.ClaimedMail;

/** Hands a mail to the operator's SMTP server. */
public interface MailTransport {
    /**
     * Returns once the server has accepted the mail for delivery.
     *
     * @throws Failure when it did not; nothing is known to have been accepted
     */
    void send(SmtpSettings smtp, ClaimedMail mail) throws Failure;

    /** The server did not take the mail; {@code permanent} when trying again cannot help (it refused the recipient). */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public Failure(String reason, boolean permanent) {
            super(reason, null, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
