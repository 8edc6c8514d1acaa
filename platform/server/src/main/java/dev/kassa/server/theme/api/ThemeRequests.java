package dev.kassa.server.theme.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.OtherMembers;
import dev.kassa.server.web.constraint.Countries;
import dev.kassa.server.web.constraint.Required;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** The request bodies of this context, with the rules each field must meet. */
public final class ThemeRequests {
    private ThemeRequests() {
    }

    /** {@code {enabled, countries: ["*"] | ["FR", ...]}}: whether the tenant offers the theme, and where. */
    public record ThemeSettingsRequest(@Required Boolean enabled, @Required @Countries List<String> countries)
            implements JsonRequest { }

    /**
     * {@code {"<key>": "<text>", ...}}: the body's members are the texts, checked by the resource
     * (each a string or null) and by the service (each key a theme's).
     */
    public record TextsRequest(@OtherMembers Map<String, JsonValue> texts) implements JsonRequest { }
}
