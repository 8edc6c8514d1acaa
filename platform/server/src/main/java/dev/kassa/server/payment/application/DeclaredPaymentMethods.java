package dev.kassa.server.payment.application;

import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.tenant.application.TenantDeclared;
import dev.kassa.server.tenant.application.TenantDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The payment methods a tenant definition file declares ({@code tenants/<slug>/tenant.json}),
 * configured when the file is applied, in that transaction. A method no plugin provides is skipped
 * with a warning.
 */
@ApplicationScoped
public class DeclaredPaymentMethods {
    private static final Logger LOG = Logger.getLogger(DeclaredPaymentMethods.class.getName());

    private PaymentMethodService methods;
    private PluginRegistry registry;

    protected DeclaredPaymentMethods() {
    }

    @Inject
    public DeclaredPaymentMethods(PaymentMethodService methods, PluginRegistry registry) {
        this.methods = methods;
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void configure(@Observes TenantDeclared declared) {
        String slug = declared.definition().slug();
        String tenantId = declared.tenant().id();
        for (Map.Entry<String, TenantDefinition.MethodDefinition> entry
                : new TreeMap<>(declared.definition().paymentMethods()).entrySet()) {
            String code = entry.getKey();
            if (registry.method(code).isEmpty()) {
                LOG.warning(() -> "Tenant '" + slug + "': no plugin provides the payment method '" + code
                        + "'; skipped (is its jar in KASSA_PLUGINS_DIR?)");
                continue;
            }
            TenantDefinition.MethodDefinition method = entry.getValue();
            methods.configure(tenantId, code, method.enabled(), List.copyOf(method.countries()),
                    method.credentials().isEmpty() ? null : method.credentials());
        }
    }
}
