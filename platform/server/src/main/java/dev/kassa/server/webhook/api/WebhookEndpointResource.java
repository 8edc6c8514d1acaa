package dev.kassa.server.webhook.api;

import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import dev.kassa.server.webhook.api.WebhookRequests.CreateWebhookEndpointRequest;
import dev.kassa.server.webhook.api.WebhookViews.CreatedWebhookEndpointView;
import dev.kassa.server.webhook.api.WebhookViews.DeliveryView;
import dev.kassa.server.webhook.api.WebhookViews.WebhookEndpointView;
import dev.kassa.server.webhook.application.WebhookEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The tenant's webhook endpoints: where Kassa tells the reseller's systems what happened. */
@Audience(Audience.Party.TENANT)
@Path("v1/webhook-endpoints")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {
    private Caller caller;
    private WebhookEndpoints endpoints;

    protected WebhookEndpointResource() {
    }

    @Inject
    public WebhookEndpointResource(Caller caller, WebhookEndpoints endpoints) {
        this.caller = caller;
        this.endpoints = endpoints;
    }

    /** A new endpoint; its signing secret is in this answer only. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateWebhookEndpointRequest body) {
        WebhookEndpoints.Created created = endpoints.create(caller.tenantId(), body.url(), body.events());
        return Response.created(URI.create("/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .entity(CreatedWebhookEndpointView.of(created.endpoint(), created.secret())).build();
    }

    @GET
    public Page<WebhookEndpointView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "whe");
        return Page.of(endpoints.list(caller.tenantId(), page), page.limit(), e -> e.id())
                .map(WebhookEndpointView::of);
    }

    @GET
    @Path("{endpointId}")
    public WebhookEndpointView get(@PathParam("endpointId") String endpointId) {
        return WebhookEndpointView.of(endpoints.get(caller.tenantId(), endpointId));
    }

    /** Nothing more is sent to it; deliveries still waiting are given up. */
    @DELETE
    @Path("{endpointId}")
    public Response delete(@PathParam("endpointId") String endpointId) {
        endpoints.delete(caller.tenantId(), endpointId);
        return Response.noContent().build();
    }

    @GET
    @Path("{endpointId}/deliveries")
    public Page<DeliveryView> deliveries(@PathParam("endpointId") String endpointId,
                                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "whd");
        return Page.of(endpoints.deliveries(caller.tenantId(), endpointId, page), page.limit(),
                d -> d.delivery().id()).map(DeliveryView::of);
    }

    /** Sends a delivery again, now, with a fresh retry window: after the receiver was fixed, say. */
    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("endpointId") String endpointId, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(DeliveryView.of(endpoints.redeliver(caller.tenantId(), endpointId, deliveryId)))
                .build();
    }
}
