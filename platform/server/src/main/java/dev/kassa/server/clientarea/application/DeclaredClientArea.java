package dev.kassa.server.clientarea.application;

import dev.kassa.server.clientarea.domain.Colours;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.application.TenantDeclared;
import dev.kassa.server.tenant.application.TenantDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies what a tenant definition declares of the client area ({@code hosts}, {@code defaultTheme},
 * {@code branding}) exactly as the settings API would; what the file leaves out stays as it is. A
 * refusal (an invalid host, one another tenant has, too little contrast) stops the start with the
 * reason.
 */
@ApplicationScoped
public class DeclaredClientArea {
    private ClientAreaSettingsService settings;
    private BrandingService branding;

    protected DeclaredClientArea() {
    }

    @Inject
    public DeclaredClientArea(ClientAreaSettingsService settings, BrandingService branding) {
        this.settings = settings;
        this.branding = branding;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void configure(@Observes TenantDeclared declared) {
        TenantDefinition definition = declared.definition();
        String tenantId = declared.tenant().id();
        try {
            if (definition.hosts() != null || definition.defaultTheme() != null) {
                ClientAreaSettings current = settings.get(tenantId);
                settings.update(tenantId, definition.hosts() == null ? current.hosts() : definition.hosts(),
                        definition.defaultTheme(), false);
            }
            TenantDefinition.BrandingDefinition b = definition.branding();
            if (b != null) {
                branding.update(tenantId, new BrandingService.Change(b.displayName(), b.logo(), colours(b.colours()),
                        b.supportEmail(), b.legalFooter()));
            }
        } catch (KassaException e) {
            String fields = e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
            throw new IllegalArgumentException("Tenant definition '" + definition.slug() + "': " + e.getMessage()
                    + (fields.isEmpty() ? "" : " (" + fields + ")"), e);
        }
    }

    private static Colours colours(Map<String, String> c) {
        if (c == null) {
            return null;
        }
        try {
            return new Colours(c.get("primary"), c.get("accent"), c.get("background"), c.get("text"));
        } catch (IllegalArgumentException e) {
            throw KassaException.invalid("branding.colours", "invalid", "must hold primary, accent, background and"
                    + " text, each a #rrggbb colour (" + e.getMessage() + ")");
        }
    }
}
