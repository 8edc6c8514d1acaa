package dev.kassa.server.mail.domain;

import java.time.Instant;

/**
 * A mail of the outbox claimed by one node to be sent now, with everything the SMTP message is
 * made of, so that every try sends the same message: same Message-ID, same Date, same bytes.
 *
 * @param claim what the node that claimed it must show to record the outcome
 * @param messageId the Message-ID header, angle brackets included, the same on every try
 * @param html null for a text-only mail
 * @param createdAt the Date header: when the event happened, not when the try is made
 */
public record ClaimedMail(String id, String tenantId, String claim, int tries, String messageId, String recipient,
                          Sender sender, String subject, String text, String html, Instant createdAt) { }
