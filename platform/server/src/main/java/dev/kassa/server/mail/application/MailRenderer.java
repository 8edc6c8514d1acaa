package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;

/**
 * Writes a mail from what happened: subject, text and HTML in the customer's language, with the
 * tenant's branding. {@link MailOutbox#compose} calls it in the transaction of the event, then
 * puts what it returns into the outbox; a renderer that throws leaves a FAILED mail with its
 * reason, and the event still happens.
 *
 * <p>{@link PlainEnglishMails} is the one implementation until the themes provide the templates:
 * the themes' renderer replaces it as a CDI alternative (or by taking its place), and nothing that
 * enqueues mail changes.
 */
public interface MailRenderer {
    /**
     * @throws IllegalArgumentException for a kind it has no template for
     */
    MailContent render(MailRequest request);
}
