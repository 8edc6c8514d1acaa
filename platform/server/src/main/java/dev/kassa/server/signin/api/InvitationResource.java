package dev.kassa.server.signin.api;

import dev.kassa.server.signin.api.SignInViews.LinkView;
import dev.kassa.server.signin.application.SignInService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Invites a customer to choose a password: mails the link, and returns it for tenants who send their own mail. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/invitations")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
    private Caller caller;
    private SignInService signIn;

    protected InvitationResource() {
    }

    @Inject
    public InvitationResource(Caller caller, SignInService signIn) {
        this.caller = caller;
        this.signIn = signIn;
    }

    @POST
    public Response invite(@PathParam("id") String accountId) {
        return Response.status(Response.Status.CREATED).entity(LinkView.of(signIn.invite(caller.tenantId(), accountId)))
                .build();
    }
}
