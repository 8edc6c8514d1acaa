package dev.kassa.server.clientarea.application;

import java.util.List;

/**
 * A tenant's client area: the host names it answers on (the first is where links point), the
 * theme shown when no other rule applies (null: the tenant's default locale decides), and whether
 * customers may sign up (not yet: always false).
 */
public record ClientAreaSettings(List<String> hosts, String defaultTheme, boolean signUp) {
    public ClientAreaSettings {
        hosts = List.copyOf(hosts);
    }
}
