package dev.kassa.server.clientarea.infrastructure;

import dev.kassa.server.clientarea.application.ClientAreaHosts;
import dev.kassa.server.config.Settings;
import dev.kassa.server.signin.application.ClientAreaAddress;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * Where sign-in, invitation and reset links point: the tenant's first client-area host. A tenant
 * that has set no host yet gets {@code http://<slug>.localhost:<port>}, which works only on the
 * server's own machine (browsers resolve {@code *.localhost} to it) — set a host before inviting
 * customers.
 */
@ApplicationScoped
public class HostsClientAreaAddress implements ClientAreaAddress {
    private static final int DEFAULT_PORT = 8080;

    private ClientAreaHosts hosts;
    private TenantRepository tenants;
    private Settings settings;

    protected HostsClientAreaAddress() {
    }

    @Inject
    public HostsClientAreaAddress(ClientAreaHosts hosts, TenantRepository tenants, Settings settings) {
        this.hosts = hosts;
        this.tenants = tenants;
        this.settings = settings;
    }

    @Override
    public URI baseUrl(String tenantId) {
        return hosts.baseUrl(tenantId).orElseGet(() -> URI.create("http://" + tenants.require(tenantId).slug()
                + ".localhost:" + settings.httpPort().orElse(DEFAULT_PORT)));
    }
}
