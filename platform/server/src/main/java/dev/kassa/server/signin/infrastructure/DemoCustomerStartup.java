package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.signin.application.DemoCustomer;
import dev.kassa.server.tenant.application.TenantDefinition;
import dev.kassa.server.tenant.application.TenantProvisioner;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Gives the tenants whose definition asks for it ({@code "demoCustomer": true}) their demo
 * customer, after the start has provisioned them (default priority) and before the ready line.
 */
@ApplicationScoped
public class DemoCustomerStartup {
    private TenantProvisioner provisioner;
    private TenantRepository tenants;
    private DemoCustomer demo;

    protected DemoCustomerStartup() {
    }

    @Inject
    public DemoCustomerStartup(TenantProvisioner provisioner, TenantRepository tenants, DemoCustomer demo) {
        this.provisioner = provisioner;
        this.tenants = tenants;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class)
                 Object event) {
        for (TenantProvisioner.Declared declared : provisioner.readDefinitions()) {
            TenantDefinition definition = declared.definition();
            if (definition.demoCustomer()) {
                tenants.findBySlug(definition.slug()).ifPresent(t -> demo.ensure(t.id()));
            }
        }
    }
}
