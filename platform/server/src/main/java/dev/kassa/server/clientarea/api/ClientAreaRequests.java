package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.domain.Colours;
import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.constraint.Email;
import dev.kassa.server.web.constraint.Matches;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import jakarta.validation.Valid;
import java.util.List;

/** The request bodies of this context, with the rules each field must meet. */
public final class ClientAreaRequests {
    private static final String COLOUR = "#[0-9a-fA-F]{6}";
    private static final String COLOUR_RULE = "must be a colour written #rrggbb, such as #1d4ed8";

    private ClientAreaRequests() {
    }

    /**
     * {@code {hosts, defaultTheme, signUp}}: the host names (checked and normalised by the service),
     * the default theme's id or null, and {@code signUp}, which may only be false for now.
     */
    public record ClientAreaSettingsRequest(@Required List<@Text(max = 300) String> hosts,
                                            @Text(max = 40) String defaultTheme, Boolean signUp)
            implements JsonRequest {
        public boolean wantsSignUp() {
            return Boolean.TRUE.equals(signUp);
        }
    }

    /**
     * {@code {displayName, logo, colours, supportEmail, legalFooter}}, the brand as a whole: a member
     * left out (or null) is the default (the tenant's name, no logo, the default colours, none).
     * {@code logo} is a data URL, or {@code /branding/logo} to keep the current logo.
     */
    public record BrandingRequest(@Text(max = 200) String displayName, String logo, @Valid ColoursRequest colours,
                                  @Email String supportEmail, @Text(max = 1000) String legalFooter)
            implements JsonRequest { }

    /** All four colours, each {@code #rrggbb}. */
    public record ColoursRequest(@Required @Matches(regex = COLOUR, max = 7, rule = COLOUR_RULE) String primary,
                                 @Required @Matches(regex = COLOUR, max = 7, rule = COLOUR_RULE) String accent,
                                 @Required @Matches(regex = COLOUR, max = 7, rule = COLOUR_RULE) String background,
                                 @Required @Matches(regex = COLOUR, max = 7, rule = COLOUR_RULE) String text) {
        public Colours toColours() {
            return new Colours(primary, accent, background, text);
        }
    }
}
