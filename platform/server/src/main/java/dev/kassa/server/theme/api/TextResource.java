package dev.kassa.server.theme.api;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.theme.api.ThemeRequests.TextsRequest;
import dev.kassa.server.theme.application.TextService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.RequestBinder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's own texts per locale, shown instead of the themes'. */
@Audience(Audience.Party.TENANT)
@Path("v1/settings/texts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TextResource {
    private Caller caller;
    private TextService texts;

    protected TextResource() {
    }

    @Inject
    public TextResource(Caller caller, TextService texts) {
        this.caller = caller;
        this.texts = texts;
    }

    /** {@code {"<key>": "<text>"}}: the tenant's texts for the locale. */
    @GET
    @Path("{locale}")
    public Map<String, String> get(@PathParam("locale") String locale) {
        return texts.get(caller.tenantId(), locale);
    }

    /** {@code {"<key>": "<text>"}}: sets the texts given; an empty text (or null) removes the tenant's own. */
    @PUT
    @Path("{locale}")
    public Map<String, String> update(@PathParam("locale") String locale, TextsRequest body) {
        Map<String, String> changes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        body.texts().forEach((key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                changes.put(key, null);
            } else if (value instanceof JsonString text) {
                changes.put(key, text.getString().strip());
            } else {
                errors.add(new FieldError(key, "type", "must be a string"));
            }
        });
        if (!errors.isEmpty()) {
            throw RequestBinder.refusal(errors);
        }
        return texts.update(caller.tenantId(), locale, changes);
    }
}
