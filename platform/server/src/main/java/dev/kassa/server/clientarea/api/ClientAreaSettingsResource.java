package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.api.ClientAreaRequests.ClientAreaSettingsRequest;
import dev.kassa.server.clientarea.api.ClientAreaViews.ClientAreaSettingsView;
import dev.kassa.server.clientarea.application.ClientAreaSettingsService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The host names the tenant's client area answers on, and its default theme. */
@Audience(Audience.Party.TENANT)
@Path("v1/settings/client-area")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientAreaSettingsResource {
    private Caller caller;
    private ClientAreaSettingsService settings;

    protected ClientAreaSettingsResource() {
    }

    @Inject
    public ClientAreaSettingsResource(Caller caller, ClientAreaSettingsService settings) {
        this.caller = caller;
        this.settings = settings;
    }

    @GET
    public ClientAreaSettingsView get() {
        return ClientAreaSettingsView.of(settings.get(caller.tenantId()));
    }

    /** {@code {hosts: ["billing.example.com"], defaultTheme: "french" | null, signUp: false}}. */
    @PUT
    public ClientAreaSettingsView update(ClientAreaSettingsRequest body) {
        return ClientAreaSettingsView.of(settings.update(caller.tenantId(), body.hosts(), body.defaultTheme(),
                body.wantsSignUp()));
    }
}
