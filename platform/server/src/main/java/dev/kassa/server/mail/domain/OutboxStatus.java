package dev.kassa.server.mail.domain;

/** Where a mail of the outbox stands: waiting (or being sent), accepted by the SMTP server, given up. */
public enum OutboxStatus { PENDING, SENT, FAILED }
