package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;

/**
 * Writes a mail from what happened: subject, text and HTML in the customer's language, with the
 * tenant's branding. {@link MailOutbox#compose} calls it in the transaction of the event, then
 * puts what it returns into the outbox; a renderer that throws leaves a FAILED mail with its
 * reason, and the event still happens.
 *
 * <p>The server's implementation is the client area's {@code ThemeMails}, which writes with the
 * themes' templates; {@code mail} names no implementation, so nothing that enqueues mail depends
 * on themes.
 */
public interface MailRenderer {
    /**
     * @throws IllegalArgumentException for a kind it has no template for
     */
    MailContent render(MailRequest request);
}
