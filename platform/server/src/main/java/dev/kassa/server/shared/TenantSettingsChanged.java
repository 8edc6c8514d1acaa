package dev.kassa.server.shared;

/**
 * Something every page of a tenant shows changed (its client-area settings, branding, themes, texts,
 * payment methods, currencies or limits); fired in the transaction that changed it. Caches
 * ({@link ExpiringCache}) observe it after the commit ({@code TransactionPhase.AFTER_SUCCESS}) and
 * drop what they hold.
 */
public record TenantSettingsChanged(String tenantId) { }
