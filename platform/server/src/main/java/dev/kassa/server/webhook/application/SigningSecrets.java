package dev.kassa.server.webhook.application;

/** Keeps endpoints' signing secrets encrypted at rest, each bound to its endpoint. */
public interface SigningSecrets {
    String seal(String tenantId, String endpointId, String secret);

    String open(String tenantId, String endpointId, String sealed);
}
