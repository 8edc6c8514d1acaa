package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.application.Branding;
import dev.kassa.server.clientarea.application.BrandingService;
import dev.kassa.server.clientarea.application.ClientAreaSettings;
import dev.kassa.server.clientarea.domain.Colours;
import java.util.List;

/** The JSON shapes this context answers with. */
public final class ClientAreaViews {
    private ClientAreaViews() {
    }

    public record ClientAreaSettingsView(List<String> hosts, String defaultTheme, boolean signUp) {
        public static ClientAreaSettingsView of(ClientAreaSettings s) {
            return new ClientAreaSettingsView(s.hosts(), s.defaultTheme(), s.signUp());
        }
    }

    /** The brand; {@code logo} is the path the client area serves it at, or null. */
    public record BrandingView(String displayName, String logo, ColoursView colours, String supportEmail,
                               String legalFooter) {
        public static BrandingView of(Branding b) {
            return new BrandingView(b.displayName(), b.hasLogo() ? BrandingService.LOGO_PATH : null,
                    ColoursView.of(b.colours()), b.supportEmail(), b.legalFooter());
        }
    }

    public record ColoursView(String primary, String accent, String background, String text) {
        static ColoursView of(Colours c) {
            return new ColoursView(c.primary(), c.accent(), c.background(), c.text());
        }
    }
}
