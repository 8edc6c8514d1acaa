package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.server.payment.domain.GatewayCustomerRepository;
import dev.kassa.server.payment.domain.PaymentMethodConfig;
import dev.kassa.server.payment.domain.PaymentMethodConfigRepository;
import dev.kassa.server.payment.infrastructure.CredentialCipher;
import dev.kassa.server.payment.infrastructure.CredentialVault;
import dev.kassa.server.plugin.application.PluginRegistry.LoadedMethod;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.ExpiringCache;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.tenant.application.TenantCreated;
import dev.kassa.server.tenant.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which payment methods a tenant offers, to which countries, with which credentials. The methods
 * themselves come from plugins ({@link PluginRegistry}); a tenant's row says whether it is on.
 */
@ApplicationScoped
public class PaymentMethodService {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(PaymentMethodService.class.getName());
    private PaymentMethodConfigRepository configs;
    private GatewayCustomerRepository gatewayCustomers;
    private PluginRegistry registry;
    private CredentialVault vault;
    private Clock clock;
    private Event<TenantSettingsChanged> changed;
    /** Each tenant's setting of each method, by tenant and code, as pages show them. */
    private final ExpiringCache<List<String>, Stored> shown = ExpiringCache.ofSettings();

    protected PaymentMethodService() {
    }

    @Inject
    public PaymentMethodService(PaymentMethodConfigRepository configs, GatewayCustomerRepository gatewayCustomers,
                                PluginRegistry registry, CredentialVault vault, Clock clock,
                                Event<TenantSettingsChanged> changed) {
        this.configs = configs;
        this.gatewayCustomers = gatewayCustomers;
        this.registry = registry;
        this.vault = vault;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * A loaded method as a tenant has it; {@code config} is null when the tenant never set it up.
     * {@code credentials} are decrypted: keep them inside the server.
     */
    public record ConfiguredMethod(LoadedMethod method, PaymentMethodConfig config, Map<String, String> credentials) {
        public String code() {
            return method.info().code();
        }

        public boolean enabled() {
            return config != null && config.enabled();
        }

        public List<String> countries() {
            return config == null ? List.of() : config.countries();
        }

        /** Whether every credential the method requires is set. */
        public boolean credentialsComplete() {
            return method.info().credentials().stream().filter(CredentialField::required)
                    .allMatch(f -> credentials.containsKey(f.name()));
        }

        /** Whether a payer in {@code country} may pay {@code currency} with it. */
        public boolean offeredTo(String country, String currency) {
            return config != null && config.servesCountry(country) && credentialsComplete()
                    && method.info().servesCountry(country) && (currency == null || method.info().takesCurrency(currency));
        }
    }

    /** A new tenant's methods on from the start (bank transfer) are installed with their starting credentials. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void installDefaults(@Observes TenantCreated created) {
        Tenant tenant = created.tenant();
        for (LoadedMethod method : registry.methods()) {
            Optional<Map<String, String>> starting = registry.call(() -> method.method().startingCredentials(tenant.name()));
            starting.ifPresent(credentials -> configs.add(new PaymentMethodConfig(tenant.id(), method.info().code(), true,
                    List.of(Iso.ALL_COUNTRIES), vault.seal(tenant.id(), method.info().code(), credentials),
                    clock.instant())));
        }
    }

    /** Every loaded method, configured or not, by code. */
    @Transactional
    public List<ConfiguredMethod> list(String tenantId) {
        return registry.methods().stream().sorted(Comparator.comparing(m -> m.info().code()))
                .map(m -> configured(tenantId, m)).toList();
    }

    @Transactional
    public ConfiguredMethod get(String tenantId, String code) {
        LoadedMethod method = registry.method(code).orElseThrow(KassaException::notFound);
        return configured(tenantId, method);
    }

    /**
     * The methods offered to a payer in {@code country} paying {@code currency} (null: any), by code,
     * for showing them: the tenant's settings are kept for a few seconds (every page asks), and
     * another node's change shows once they expire. Paying with a method reads them afresh
     * ({@link #offered}).
     */
    @Transactional
    public List<ConfiguredMethod> availableFor(String tenantId, String country, String currency) {
        return registry.methods().stream().sorted(Comparator.comparing(m -> m.info().code()))
                .map(m -> {
                    Stored stored = shown.get(List.of(tenantId, m.info().code()), () -> {
                        PaymentMethodConfig config = configs.find(tenantId, m.info().code()).orElse(null);
                        return new Stored(config, credentials(tenantId, config));
                    });
                    return new ConfiguredMethod(m, stored.config(), stored.credentials());
                })
                .filter(m -> m.offeredTo(country, currency)).toList();
    }

    /** A tenant's setting of a method as read at one moment (no setting: {@code config} null). */
    private record Stored(PaymentMethodConfig config, Map<String, String> credentials) { }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged event) {
        shown.clear();
    }

    /** One method, if it is offered to a payer in {@code country} paying {@code currency} (null: any). */
    @Transactional
    public Optional<ConfiguredMethod> offered(String tenantId, String code, String country, String currency) {
        return registry.method(code).map(m -> configured(tenantId, m)).filter(m -> m.offeredTo(country, currency));
    }

    /**
     * Whether the method can take exactly {@code amount} ({@link dev.kassa.api.payment.PaymentMethod#accepts}):
     * a gateway that counts the currency in other units than ISO 4217 may not be able to send it
     * without rounding (1.005 KWD at Stripe). A plugin that fails to answer is taken at its word
     * of "no": an amount is never sent on a guess.
     */
    public boolean accepts(ConfiguredMethod method, Money amount) {
        Amount asked = new Amount(amount.minor(), amount.currency().code());
        try {
            return registry.call(() -> method.method().method().accepts(asked));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(java.util.logging.Level.SEVERE, "Plugin " + method.method().pluginId() + " failed in accepts for"
                    + " method " + method.code() + "; the amount is refused", e);
            return false;
        }
    }

    /**
     * Changes a method. {@code enabled} or {@code countries} null keep the current value;
     * {@code credentialChanges} null keeps the credentials, otherwise each entry sets a field (a
     * null value removes it) and the result must hold every required field.
     *
     * @throws KassaException 404 for a method no plugin provides; 422 for unknown or invalid credentials
     */
    @Transactional
    public ConfiguredMethod configure(String tenantId, String code, Boolean enabled, List<String> countries,
                                      Map<String, String> credentialChanges) {
        LoadedMethod method = registry.method(code).orElseThrow(KassaException::notFound);
        PaymentMethodConfig config = configs.find(tenantId, code).orElse(null);
        Map<String, String> stored = credentials(tenantId, config);
        Map<String, String> credentials = new TreeMap<>(stored);
        if (credentialChanges != null) {
            credentials = checked(method, credentials, credentialChanges);
        }
        boolean on = enabled != null ? enabled : config != null && config.enabled();
        List<String> where = countries != null ? countries : config != null ? config.countries() : List.of();
        if (credentialChanges != null && secretsChanged(method, stored, credentials)) {
            // Another gateway account: the customers we created at the old one mean nothing there.
            gatewayCustomers.removeAll(tenantId, code);
        }
        String sealed = vault.seal(tenantId, code, credentials);
        if (config == null) {
            config = new PaymentMethodConfig(tenantId, code, on, where, sealed, clock.instant());
            configs.add(config);
        } else {
            config.update(on, where, sealed, clock.instant());
        }
        shown.clear(); // at once, for this thread; again after the commit, for every other
        changed.fire(new TenantSettingsChanged(tenantId));
        return new ConfiguredMethod(method, config, Map.copyOf(credentials));
    }

    private static boolean secretsChanged(LoadedMethod method, Map<String, String> before, Map<String, String> after) {
        return method.info().credentials().stream().filter(CredentialField::secret)
                .anyMatch(f -> before.containsKey(f.name()) && !before.get(f.name()).equals(after.get(f.name())));
    }

    private Map<String, String> checked(LoadedMethod method, Map<String, String> current, Map<String, String> changes) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, CredentialField> declared = new TreeMap<>();
        method.info().credentials().forEach(f -> declared.put(f.name(), f));
        Map<String, String> merged = new TreeMap<>(current);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            String value = change.getValue();
            if (!declared.containsKey(name)) {
                errors.add(new FieldError("credentials." + name, "credentials.unknown_field",
                        "is not a credential of " + method.info().code() + "; it takes " + declared.keySet()));
            } else if (value == null || value.isBlank()) {
                merged.remove(name);
            } else {
                merged.put(name, value.strip());
            }
        }
        if (errors.isEmpty()) {
            Map<String, String> input = Map.copyOf(merged);
            merged = new TreeMap<>(registry.call(() -> method.method().normalizeCredentials(input)));
            for (CredentialField field : declared.values()) {
                if (field.required() && !merged.containsKey(field.name())) {
                    errors.add(new FieldError("credentials." + field.name(), "credentials.missing",
                            "is required (" + field.label() + ")"));
                }
            }
            Map<String, String> normalized = Map.copyOf(merged);
            for (CredentialProblem problem : registry.call(() -> method.method().checkCredentials(normalized))) {
                errors.add(new FieldError("credentials." + problem.field(), problem.code(), problem.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        return merged;
    }

    private ConfiguredMethod configured(String tenantId, LoadedMethod method) {
        PaymentMethodConfig config = configs.find(tenantId, method.info().code()).orElse(null);
        return new ConfiguredMethod(method, config, credentials(tenantId, config));
    }

    /** The decrypted credentials; settings stored in the clear by the first release are read as they are. */
    private Map<String, String> credentials(String tenantId, PaymentMethodConfig config) {
        if (config == null) {
            return Map.of();
        }
        if (config.encryptedCredentials() == null && config.legacySettings() != null) {
            return CredentialVault.parse(config.legacySettings());
        }
        try {
            return vault.open(tenantId, config.code(), config.encryptedCredentials());
        } catch (CredentialCipher.UnreadableCredentials e) {
            // Another master key (lost, or nodes with different keys): the method is shown without
            // credentials, is not offered, and the tenant can set them again.
            LOG.severe(() -> "Credentials of method " + config.code() + " of tenant " + tenantId
                    + " cannot be decrypted with this master key; treated as not set: " + e.getMessage());
            return Map.of();
        }
    }
}
