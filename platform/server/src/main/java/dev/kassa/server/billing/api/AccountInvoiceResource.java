package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.InvoiceRequest;
import dev.kassa.server.billing.api.BillingViews.InvoiceView;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import dev.kassa.server.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** An account's invoices: creating a draft, and the list. */
@Audience(Audience.Party.TENANT)
@Path("v1/accounts/{id}/invoices")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountInvoiceResource {
    private Caller caller;
    private InvoiceService invoices;

    protected AccountInvoiceResource() {
    }

    @Inject
    public AccountInvoiceResource(Caller caller, InvoiceService invoices) {
        this.caller = caller;
        this.invoices = invoices;
    }

    @POST
    public Response createInvoice(@PathParam("id") String accountId, InvoiceRequest body) {
        Invoice created = invoices.createDraft(caller.tenantId(), accountId, InvoiceDrafts.of(body));
        return Response.created(URI.create("/api/v1/invoices/" + created.id())).entity(InvoiceView.of(created)).build();
    }

    @GET
    public Page<InvoiceView> listInvoices(@PathParam("id") String accountId, @QueryParam("status") String status,
                                          @QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after, "inv");
        InvoiceStatus filter = null;
        if (status != null) {
            try {
                filter = InvoiceStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw KassaException.invalid("status", "invalid", "must be DRAFT, NEW, PAID or CANCELLED");
            }
        }
        return Page.of(invoices.list(caller.tenantId(), accountId, filter, page), page.limit(), Invoice::id)
                .map(InvoiceView::of);
    }
}
