package dev.kassa.server.tenant.api;

import dev.kassa.server.tenant.application.ApiKeyService;
import dev.kassa.server.web.TenantKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The tenant context's answer to the kernel's {@link TenantKeys}: its API keys. */
@ApplicationScoped
public class ApiKeyAuthentication implements TenantKeys {
    private ApiKeyService apiKeys;

    protected ApiKeyAuthentication() {
    }

    @Inject
    public ApiKeyAuthentication(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Optional<String> authenticate(String presentedKey) {
        return apiKeys.authenticate(presentedKey);
    }
}
