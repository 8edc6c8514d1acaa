package dev.kassa.server.theme.application;

import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.application.TenantDeclared;
import dev.kassa.server.tenant.application.TenantDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Applies the {@code themes} a tenant definition declares, exactly as {@code PUT /api/v1/themes/{id}}
 * would; themes the file leaves out keep their settings. A theme that is not installed, or countries
 * that are not ISO codes, stop the start with the reason.
 */
@ApplicationScoped
public class DeclaredThemes {
    private ThemeService themes;

    protected DeclaredThemes() {
    }

    @Inject
    public DeclaredThemes(ThemeService themes) {
        this.themes = themes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void configure(@Observes TenantDeclared declared) {
        TenantDefinition definition = declared.definition();
        definition.themes().forEach((id, theme) -> {
            try {
                themes.configure(declared.tenant().id(), id, theme.enabled(), theme.countries());
            } catch (KassaException e) {
                throw new IllegalArgumentException("Tenant definition '" + definition.slug() + "', theme '" + id
                        + "': " + e.getMessage() + " " + e.errors(), e);
            }
        });
    }
}
