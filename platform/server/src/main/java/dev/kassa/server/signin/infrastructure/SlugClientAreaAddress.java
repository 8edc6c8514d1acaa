package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.signin.application.ClientAreaAddress;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * FOR NOW: a tenant's client area at {@code http://<slug>.localhost:<port>}, which browsers resolve
 * to this machine. The tenants' own host names (the client-area settings) take its place.
 */
@ApplicationScoped
public class SlugClientAreaAddress implements ClientAreaAddress {
    private static final int DEFAULT_PORT = 8080;

    private TenantRepository tenants;
    private Settings settings;

    protected SlugClientAreaAddress() {
    }

    @Inject
    public SlugClientAreaAddress(TenantRepository tenants, Settings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    @Override
    public URI baseUrl(String tenantId) {
        int port = settings.httpPort().orElse(DEFAULT_PORT);
        return URI.create("http://" + tenants.require(tenantId).slug() + ".localhost:" + port);
    }
}
