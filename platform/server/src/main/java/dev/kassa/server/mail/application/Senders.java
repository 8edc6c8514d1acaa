package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.Sender;

/** Whom a tenant's mail is from: its display name and support address. */
public interface Senders {
    /** The tenant's sender; it must exist. */
    Sender of(String tenantId);
}
