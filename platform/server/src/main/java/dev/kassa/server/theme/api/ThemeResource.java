package dev.kassa.server.theme.api;

import dev.kassa.server.theme.api.ThemeRequests.ThemeSettingsRequest;
import dev.kassa.server.theme.api.ThemeViews.ThemeView;
import dev.kassa.server.theme.application.ThemeService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The client area's themes the server has, and which of them the tenant offers to which countries. */
@Audience(Audience.Party.TENANT)
@Path("v1/themes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThemeResource {
    private Caller caller;
    private ThemeService themes;

    protected ThemeResource() {
    }

    @Inject
    public ThemeResource(Caller caller, ThemeService themes) {
        this.caller = caller;
        this.themes = themes;
    }

    @GET
    public Page<ThemeView> list() {
        return Page.all(themes.list(caller.tenantId()).stream().map(ThemeView::of).toList());
    }

    /** {@code {enabled, countries: ["*"] | ["FR", ...]}}. */
    @PUT
    @Path("{id}")
    public ThemeView configure(@PathParam("id") String id, ThemeSettingsRequest body) {
        return ThemeView.of(themes.configure(caller.tenantId(), id, body.enabled(), body.countries()));
    }
}
