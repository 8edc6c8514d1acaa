package dev.kassa.server.theme.application;

import dev.kassa.server.tenant.application.TenantDeclared;
import dev.kassa.server.tenant.application.TenantDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Applies the {@code themes} a tenant definition declares, exactly as {@code PUT /api/v1/themes/{id}}
 * would; themes the file leaves out keep their settings. A theme no installed plugin provides is
 * skipped with a warning, as a payment method is; countries that are not ISO codes stop the start.
 */
@ApplicationScoped
public class DeclaredThemes {
    private static final Logger LOG = Logger.getLogger(DeclaredThemes.class.getName());

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
        String tenantId = declared.tenant().id();
        Set<String> installed = themes.list(tenantId).stream().map(t -> t.theme().id()).collect(Collectors.toSet());
        definition.themes().forEach((id, theme) -> {
            if (!installed.contains(id)) {
                LOG.warning(() -> "Tenant '" + definition.slug() + "': no plugin provides the theme '" + id
                        + "'; skipped (is its jar in KASSA_PLUGINS_DIR?)");
                return;
            }
            themes.configure(tenantId, id, theme.enabled(), theme.countries());
        });
    }
}
