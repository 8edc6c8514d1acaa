package dev.kassa.server.theme.application;

import java.util.Optional;

/**
 * The theme a tenant named as its client area's default, if any: the client-area context keeps
 * the setting and implements this, so that the theme context need not know that context.
 */
public interface TenantDefaultTheme {
    /** The id of the theme the tenant chose as default; empty when it chose none. */
    Optional<String> themeId(String tenantId);
}
