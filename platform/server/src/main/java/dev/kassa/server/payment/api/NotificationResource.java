package dev.kassa.server.payment.api;

import dev.kassa.server.payment.application.Notifications;
import dev.kassa.server.payment.domain.Notification;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What the tenant (and, through it, its customers) should hear about: failed payments and refunds,
 * amounts a gateway reported that differ from the attempt, events about unknown payments.
 */
@Audience(Audience.Party.TENANT)
@Path("v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private Caller caller;
    private Notifications notifications;

    protected NotificationResource() {
    }

    @Inject
    public NotificationResource(Caller caller, Notifications notifications) {
        this.caller = caller;
        this.notifications = notifications;
    }

    @GET
    public Page<Notification> list(@QueryParam("accountId") String accountId,
                                   @QueryParam("type") String type, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "ntf");
        return Page.of(notifications.page(caller.tenantId(), accountId, type, page.after(), page.limit()),
                page.limit(), Notification::id);
    }
}
