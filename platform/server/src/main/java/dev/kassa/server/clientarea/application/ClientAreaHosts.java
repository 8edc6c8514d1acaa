package dev.kassa.server.clientarea.application;

import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.clientarea.domain.HostName;
import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which tenant a client-area request is for, by its {@code Host} header, and where each tenant's
 * client area is reached. Every host of every tenant is held in memory for about
 * {@value #TTL_SECONDS} seconds (unknown hosts cost nothing to remember); a change made on this
 * node drops it once committed, one made on another node is seen within that time.
 */
@ApplicationScoped
public class ClientAreaHosts {
    static final int TTL_SECONDS = 10;
    private static final int DEFAULT_PORT = 8080;

    private ClientAreaSettingsService settings;
    private Settings operator;
    private Clock clock;
    private volatile Snapshot snapshot;
    /** Counts clears, so that a read begun before a change commits is not kept after it. */
    private final AtomicLong clears = new AtomicLong();

    protected ClientAreaHosts() {
    }

    @Inject
    public ClientAreaHosts(ClientAreaSettingsService settings, Settings operator, Clock clock) {
        this.settings = settings;
        this.operator = operator;
        this.clock = clock;
    }

    /** Every host with its tenant, and each tenant's hosts in order, as read at one moment. */
    private record Snapshot(Map<String, String> tenantByHost, Map<String, List<String>> hostsByTenant,
                            Instant expires) { }

    /**
     * The tenant id serving this HTTP Host header value (may carry ":port", any case, a trailing
     * dot); empty for unknown hosts. Cached for about 10 s; a successful settings change clears the
     * cache after its transaction commits.
     */
    public Optional<String> tenantFor(String hostHeader) {
        return HostName.normalise(hostHeader).map(host -> current().tenantByHost().get(host));
    }

    /**
     * Where the tenant's client area is reached, for links in e-mails and sign-in links:
     * {@code scheme://first-host[:port]}, no trailing slash; empty when the tenant has no host. Scheme
     * from {@code KASSA_CLIENT_AREA_SCHEME}, port from {@code KASSA_CLIENT_AREA_PORT} (default: the
     * port the server listens on, 8080 by default), left out when it is the scheme's default.
     */
    public Optional<URI> baseUrl(String tenantId) {
        List<String> hosts = current().hostsByTenant().get(tenantId);
        if (hosts == null || hosts.isEmpty()) {
            return Optional.empty();
        }
        String scheme = operator.clientAreaScheme();
        int port = operator.clientAreaPort().or(operator::httpPort).orElse(DEFAULT_PORT);
        return Optional.of(baseUrl(scheme, hosts.get(0), port));
    }

    static URI baseUrl(String scheme, String host, int port) {
        boolean usual = scheme.equals("https") ? port == 443 : port == 80;
        return URI.create(scheme + "://" + host + (usual ? "" : ":" + port));
    }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged event) {
        synchronized (this) {
            clears.incrementAndGet();
            snapshot = null;
        }
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        Instant at = clock.instant();
        if (now == null || !at.isBefore(now.expires())) {
            long generation = clears.get();
            Map<String, String> tenantByHost = settings.allHosts();
            Map<String, List<String>> hostsByTenant = new LinkedHashMap<>();
            tenantByHost.forEach((host, tenant) -> hostsByTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(host));
            now = new Snapshot(Map.copyOf(tenantByHost), hostsByTenant, at.plus(Duration.ofSeconds(TTL_SECONDS)));
            synchronized (this) {
                if (clears.get() == generation) {
                    snapshot = now;
                }
            }
        }
        return now;
    }
}
