package dev.kassa.server.tenant.application;

import dev.kassa.server.tenant.domain.Tenant;

/**
 * A tenant was just created, fired in the transaction that creates it (its row is written): other
 * contexts set up what a new tenant starts with. An observer that fails rolls the creation back.
 */
public record TenantCreated(Tenant tenant) { }
