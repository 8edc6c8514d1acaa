package dev.kassa.server.web;

/**
 * A response that carries a secret shown once (a new API key). The idempotency store keeps such a
 * response without the secret: a replay answers the same document with the secret set to null and
 * a notice saying how to get a new one, so no secret is ever kept in plain text.
 */
public interface ShownOnce {
    /** The JSON member holding the secret, e.g. {@code "apiKey"}. */
    String secretMember();

    /** What a replay says in place of the secret, in {@code <secretMember>Notice}. */
    String replayNotice();
}
