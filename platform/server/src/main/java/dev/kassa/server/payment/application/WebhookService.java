package dev.kassa.server.payment.application;

import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookReceiver;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code POST /webhooks/{tenantSlug}/{pluginId}}: the plugin verifies the delivery with the
 * tenant's credentials (nothing is read from the database before that but the tenant's
 * settings); then {@link WebhookInbox} applies it exactly once per event id.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    private TenantRepository tenants;
    private PaymentMethodService methods;
    private MethodCalls calls;
    private WebhookInbox inbox;

    protected WebhookService() {
    }

    @Inject
    public WebhookService(TenantRepository tenants, PaymentMethodService methods, MethodCalls calls,
                          WebhookInbox inbox) {
        this.tenants = tenants;
        this.methods = methods;
        this.calls = calls;
        this.inbox = inbox;
    }

    /**
     * @throws KassaException 400 {@code webhook.signature_invalid} when the delivery is not verified.
     *     An unknown tenant, a plugin the tenant has not configured and a wrong signature get the
     *     very same answer, so that the endpoint tells an outsider nothing about which tenants
     *     exist or which gateways they use; the log says which it was.
     */
    public WebhookInbox.Receipt receive(String tenantSlug, String pluginId, byte[] body,
                                        Map<String, List<String>> headers) {
        Tenant tenant = tenants.findBySlug(tenantSlug).orElse(null);
        if (tenant == null) {
            throw refused(tenantSlug, pluginId, "no such tenant");
        }
        List<ConfiguredMethod> receivers = receivers(tenant.id(), pluginId);
        if (receivers.isEmpty()) {
            throw refused(tenantSlug, pluginId, "no configured method of this plugin takes webhooks");
        }
        WebhookRequest request = new WebhookRequest(body, headers);
        String refusal = null;
        // A plugin with several methods: the first whose credentials verify the delivery owns it.
        for (ConfiguredMethod method : receivers) {
            try {
                WebhookEvent event = calls.receive(tenant.slug(), method, request);
                return inbox.apply(tenant.id(), pluginId, method.code(), event);
            } catch (InvalidWebhookException e) {
                refusal = e.getMessage();
            }
        }
        throw refused(tenantSlug, pluginId, refusal == null ? "refused" : refusal);
    }

    private static KassaException refused(String tenantSlug, String pluginId, String why) {
        LOG.warning(() -> "Webhook for tenant " + tenantSlug + " and plugin " + pluginId + " refused: " + why);
        return new KassaException(400, "webhook.signature_invalid", "Webhook signature invalid",
                "The webhook's signature is missing or wrong, or its timestamp is outside the tolerance. "
                        + "Nothing was changed.", null);
    }

    private List<ConfiguredMethod> receivers(String tenantId, String pluginId) {
        return methods.list(tenantId).stream()
                .filter(m -> m.method().pluginId().equals(pluginId) && m.method().can(WebhookReceiver.class)
                        && m.config() != null && m.credentialsComplete())
                .toList();
    }
}
