package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;

/**
 * A rendered mail to put into the outbox.
 *
 * @param tenantId whose customer it goes to: its display name is the sender's
 * @param accountId the customer account it is about, or null
 * @param kind what it tells, dotted lower-case words: {@code topup.paid}, {@code account.invitation}, …
 * @param recipient the address it goes to
 */
public record OutgoingMail(String tenantId, String accountId, String kind, String recipient, MailContent content) { }
