package dev.kassa.server.signin.application;

import java.time.Instant;

/** STUB until h-signin lands. */
public record CustomerSession(String tenantId, String accountId, String token, String csrfToken,
        Instant idleExpiresAt, Instant absoluteExpiresAt) { }
