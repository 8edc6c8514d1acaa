package dev.kassa.server.signin.api;

import dev.kassa.server.signin.api.SignInRequests.SignInLinkRequest;
import dev.kassa.server.signin.api.SignInViews.LinkView;
import dev.kassa.server.signin.application.SignInService;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Single sign-on: the tenant's own panel asks for a link that signs its customer into the client area once. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/sign-in-links")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignInLinkResource {
    private Caller caller;
    private SignInService signIn;

    protected SignInLinkResource() {
    }

    @Inject
    public SignInLinkResource(Caller caller, SignInService signIn) {
        this.caller = caller;
        this.signIn = signIn;
    }

    @POST
    public Response create(@PathParam("id") String accountId, SignInLinkRequest body) {
        var link = signIn.issueSignInLink(caller.tenantId(), accountId, body.returnTo());
        return Response.status(Response.Status.CREATED).entity(LinkView.of(link)).build();
    }
}
