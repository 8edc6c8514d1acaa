package dev.kassa.api.payment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform gives a method on every call.
 *
 * @param tenantSlug the tenant the call is for
 * @param credentials the tenant's decrypted credentials for this method, by field name; only
 *     fields the method declared. Never log them.
 * @param operatorSettings the operator's settings for this plugin: environment variables (or
 *     system properties) named {@code KASSA_PLUGINS_<PLUGIN_ID>_<NAME>}, keyed by {@code <NAME>}.
 *     For the plugin {@code stripe}, {@code KASSA_PLUGINS_STRIPE_API_BASE} is {@code "API_BASE"}.
 *     Tenants cannot set these.
 * @param http timeouts for calls to the gateway
 * @param clock the platform's clock; use it instead of the system clock
 * @param logger where to log (never credentials, never full card or bank data)
 */
public record MethodContext(String tenantSlug, Map<String, String> credentials, Map<String, String> operatorSettings,
                            HttpSettings http, Clock clock, System.Logger logger) {
    public MethodContext {
        credentials = Map.copyOf(credentials);
        operatorSettings = Map.copyOf(operatorSettings);
    }

    /** A credential the tenant set, or empty. */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name));
    }

    /** A credential the method declared as required; the platform never calls a method without it. */
    public String requiredCredential(String name) {
        return credential(name).orElseThrow(() -> new IllegalStateException("credential " + name + " is not set"));
    }

    /** An operator setting for this plugin, or empty. */
    public Optional<String> operatorSetting(String name) {
        return Optional.ofNullable(operatorSettings.get(name));
    }
}
