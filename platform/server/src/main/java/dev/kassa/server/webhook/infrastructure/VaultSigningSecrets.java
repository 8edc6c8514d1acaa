package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.payment.infrastructure.CredentialVault;
import dev.kassa.server.webhook.application.SigningSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Signing secrets sealed like payment credentials: AES-GCM under the operator's master key, bound
 * to the tenant and the endpoint ({@code webhook:<endpoint id>}), so a value copied to another row
 * does not decrypt.
 */
@ApplicationScoped
public class VaultSigningSecrets implements SigningSecrets {
    private static final String MEMBER = "secret";
    private CredentialVault vault;

    protected VaultSigningSecrets() {
    }

    @Inject
    public VaultSigningSecrets(CredentialVault vault) {
        this.vault = vault;
    }

    @Override
    public String seal(String tenantId, String endpointId, String secret) {
        return vault.seal(tenantId, row(endpointId), Map.of(MEMBER, secret));
    }

    @Override
    public String open(String tenantId, String endpointId, String sealed) {
        String secret = vault.open(tenantId, row(endpointId), sealed).get(MEMBER);
        if (secret == null) {
            throw new IllegalStateException("the signing secret of " + endpointId + " is missing");
        }
        return secret;
    }

    private static String row(String endpointId) {
        return "webhook:" + endpointId;
    }
}
