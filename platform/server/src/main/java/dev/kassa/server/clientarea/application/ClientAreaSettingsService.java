package dev.kassa.server.clientarea.application;

import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.clientarea.domain.ClientAreaHost;
import dev.kassa.server.clientarea.domain.ClientAreaRepository;
import dev.kassa.server.clientarea.domain.ClientAreaSetting;
import dev.kassa.server.clientarea.domain.HostName;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.theme.application.InstalledThemes;
import dev.kassa.server.theme.application.TenantDefaultTheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which host names a tenant's client area answers on, and its default theme. */
@ApplicationScoped
public class ClientAreaSettingsService implements TenantDefaultTheme {
    /** More would be a mistake, and each is a certificate the operator's proxy must hold. */
    static final int MAX_HOSTS = 20;

    private ClientAreaRepository repository;
    private InstalledThemes themes;
    private Event<TenantSettingsChanged> changed;
    private Clock clock;

    protected ClientAreaSettingsService() {
    }

    @Inject
    public ClientAreaSettingsService(ClientAreaRepository repository, InstalledThemes themes,
                                     Event<TenantSettingsChanged> changed, Clock clock) {
        this.repository = repository;
        this.themes = themes;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public ClientAreaSettings get(String tenantId) {
        List<String> hosts = repository.hosts(tenantId).stream().map(ClientAreaHost::host).toList();
        Optional<ClientAreaSetting> setting = repository.find(tenantId);
        return new ClientAreaSettings(hosts, setting.map(ClientAreaSetting::defaultTheme).orElse(null),
                setting.map(ClientAreaSetting::signUp).orElse(false));
    }

    /**
     * Replaces the settings.
     *
     * @param hosts as typed: normalised here (lower case, no trailing dot or port); each once
     * @param defaultTheme an installed theme's id, or null
     * @throws KassaException 422 {@code request.invalid} for an invalid host or an unknown theme,
     *         {@code client_area.sign_up_unavailable} for {@code signUp} true; 409
     *         {@code client_area.host_taken} for a host another tenant has
     */
    @Transactional
    public ClientAreaSettings update(String tenantId, List<String> hosts, String defaultTheme, boolean signUp) {
        if (signUp) {
            throw new KassaException(422, "client_area.sign_up_unavailable", "Sign-up not available",
                    "Customers cannot sign up on their own yet: create their accounts through the API and invite them"
                            + " (signUp must be false).",
                    List.of(new FieldError("signUp", "unavailable", "must be false")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> normal = normalise(hosts, errors);
        if (defaultTheme != null && themes.catalog().find(defaultTheme).isEmpty()) {
            errors.add(new FieldError("defaultTheme", "unknown", "is no installed theme (GET /api/v1/themes lists them)"));
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        for (String host : normal) {
            Optional<String> owner = repository.tenantOf(host);
            if (owner.isPresent() && !owner.get().equals(tenantId)) {
                throw ClientAreaHost.taken(host);
            }
        }
        repository.replaceHosts(tenantId, normal);
        repository.find(tenantId).ifPresentOrElse(s -> s.update(defaultTheme, clock.instant()),
                () -> repository.add(new ClientAreaSetting(tenantId, defaultTheme, clock.instant())));
        changed.fire(new TenantSettingsChanged(tenantId));
        return new ClientAreaSettings(normal, defaultTheme, false);
    }

    /** Every host name with the tenant it serves; per tenant, first host first. */
    @Transactional
    public Map<String, String> allHosts() {
        Map<String, String> out = new LinkedHashMap<>();
        repository.allHosts().forEach(h -> out.put(h.host(), h.tenantId()));
        return out;
    }

    /** For the theme choice: the default theme the tenant set, whether or not it is still installed. */
    @Override
    @Transactional
    public Optional<String> themeId(String tenantId) {
        return repository.find(tenantId).map(ClientAreaSetting::defaultTheme);
    }

    private static List<String> normalise(List<String> hosts, List<FieldError> errors) {
        if (hosts.size() > MAX_HOSTS) {
            errors.add(new FieldError("hosts", "too_many", "must hold at most " + MAX_HOSTS + " host names"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            Optional<String> host = HostName.normalise(hosts.get(i));
            if (host.isEmpty()) {
                errors.add(new FieldError("hosts[" + i + "]", "invalid", HostName.RULE));
            } else if (out.contains(host.get())) {
                errors.add(new FieldError("hosts[" + i + "]", "duplicate", "names " + host.get() + " a second time"));
            } else {
                out.add(host.get());
            }
        }
        return out;
    }
}
