package dev.kassa.server.web;

import dev.kassa.server.topup.application.TopUpService;
import dev.kassa.server.web.view.Views.TopUpView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("v1/top-ups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TopUpResource {
    private Caller caller;
    private TopUpService topUps;

    protected TopUpResource() {
    }

    @Inject
    public TopUpResource(Caller caller, TopUpService topUps) {
        this.caller = caller;
        this.topUps = topUps;
    }

    @GET
    @Path("{id}")
    public TopUpView get(@PathParam("id") String id) {
        return TopUpView.of(topUps.get(caller.tenantId(), id));
    }

    /** Gives up a NEW top-up; money that still arrives for it is credited all the same. */
    @POST
    @Path("{id}/cancel")
    public TopUpView cancel(@PathParam("id") String id) {
        return TopUpView.of(topUps.cancel(caller.tenantId(), id, "Cancelled by request"));
    }
}
