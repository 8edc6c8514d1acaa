package dev.kassa.server.clientarea.application;

/**
 * A tenant's client-area settings or branding changed, fired in the transaction that changed
 * them: caches drop what they hold once it commits.
 */
public record ClientAreaChanged(String tenantId) { }
