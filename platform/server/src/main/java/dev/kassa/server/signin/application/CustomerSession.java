package dev.kassa.server.signin.application;

import java.time.Instant;

/**
 * A signed-in customer. {@code token} goes into the session cookie and {@code csrfToken} into every
 * form of the session; the server keeps only the token's SHA-256.
 */
public record CustomerSession(String tenantId, String accountId, String token, String csrfToken, Instant idleExpiresAt,
                              Instant absoluteExpiresAt) { }
