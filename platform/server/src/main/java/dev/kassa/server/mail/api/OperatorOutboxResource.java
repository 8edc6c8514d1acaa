package dev.kassa.server.mail.api;

import dev.kassa.server.mail.api.OutboxViews.OutboxMailView;
import dev.kassa.server.mail.application.MailOutbox;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operator: the mail outbox of every tenant, to see what waits, what went and what was given up. */
@Audience(Audience.Party.OPERATOR)
@Path("v1/operator/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorOutboxResource {
    private MailOutbox outbox;

    protected OperatorOutboxResource() {
    }

    @Inject
    public OperatorOutboxResource(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GET
    public Page<OutboxMailView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                     @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "eml");
        OutboxStatus filter = null;
        if (status != null) {
            try {
                filter = OutboxStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw KassaException.invalid("status", "invalid", "must be PENDING, SENT or FAILED");
            }
        }
        return Page.of(outbox.page(filter, page), page.limit(), OutboxMessage::id).map(OutboxMailView::of);
    }
}
