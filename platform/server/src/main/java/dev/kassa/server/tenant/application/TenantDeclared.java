package dev.kassa.server.tenant.application;

import dev.kassa.server.tenant.domain.Tenant;

/**
 * A tenant definition file was applied to its tenant, fired in that transaction: other contexts
 * apply what the file declares of theirs (the payment methods). An observer that fails rolls it back.
 */
public record TenantDeclared(Tenant tenant, TenantDefinition definition) { }
