package dev.kassa.server.theme.api;

import dev.kassa.server.theme.application.ThemeService.TenantTheme;
import java.util.List;

/** The JSON shapes this context answers with. */
public final class ThemeViews {
    private ThemeViews() {
    }

    /** An installed theme as the tenant set it up. */
    public record ThemeView(String id, String parent, List<String> locales, String plugin, String version,
                            boolean enabled, List<String> countries) {
        public static ThemeView of(TenantTheme t) {
            return new ThemeView(t.theme().id(), t.theme().parent(), t.theme().locales(), t.theme().pluginId(),
                    t.theme().pluginVersion(), t.enabled(), t.countries());
        }
    }
}
