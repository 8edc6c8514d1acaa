package dev.kassa.server.payment.api;

import dev.kassa.server.payment.api.PaymentViews.SavedMethodView;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A saved card: read it, make it the account's default, delete it (forgotten at the gateway too). */
@Audience(Audience.Party.TENANT)
@Path("v1/saved-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SavedMethodResource {
    private Caller caller;
    private SavedMethodService savedMethods;

    protected SavedMethodResource() {
    }

    @Inject
    public SavedMethodResource(Caller caller, SavedMethodService savedMethods) {
        this.caller = caller;
        this.savedMethods = savedMethods;
    }

    @GET
    @Path("{id}")
    public SavedMethodView get(@PathParam("id") String id) {
        return SavedMethodView.of(savedMethods.get(caller.tenantId(), id));
    }

    @POST
    @Path("{id}/default")
    public SavedMethodView makeDefault(@PathParam("id") String id) {
        return SavedMethodView.of(savedMethods.makeDefault(caller.tenantId(), id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        savedMethods.delete(caller.tenantId(), id);
        return Response.noContent().build();
    }
}
