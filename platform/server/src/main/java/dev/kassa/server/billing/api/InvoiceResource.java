package dev.kassa.server.billing.api;

import dev.kassa.server.billing.api.BillingRequests.InvoiceRequest;
import dev.kassa.server.billing.api.BillingRequests.PayInvoiceRequest;
import dev.kassa.server.billing.api.BillingViews.InvoiceView;
import dev.kassa.server.billing.application.InvoiceFinalization;
import dev.kassa.server.billing.application.InvoicePayments;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.application.ReverseChargeChecks;
import dev.kassa.server.web.Audience;
import dev.kassa.server.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One invoice: reading it, replacing a draft, finalising it, paying it. */
@Audience(Audience.Party.TENANT)
@Path("v1/invoices/{id}")
// One instance, not one per request: it keeps no request state, and Caller is a request-scoped proxy.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {
    private Caller caller;
    private InvoiceService invoices;
    private InvoiceFinalization finalization;
    private InvoicePayments payments;
    private ReverseChargeChecks reverseCharge;

    protected InvoiceResource() {
    }

    @Inject
    public InvoiceResource(Caller caller, InvoiceService invoices, InvoiceFinalization finalization,
                           InvoicePayments payments, ReverseChargeChecks reverseCharge) {
        this.caller = caller;
        this.invoices = invoices;
        this.finalization = finalization;
        this.payments = payments;
        this.reverseCharge = reverseCharge;
    }

    @GET
    public InvoiceView get(@PathParam("id") String id) {
        return InvoiceView.of(invoices.get(caller.tenantId(), id));
    }

    @PUT
    public InvoiceView update(@PathParam("id") String id, InvoiceRequest body) {
        return InvoiceView.of(invoices.updateDraft(caller.tenantId(), id, InvoiceDrafts.of(body)));
    }

    @POST
    @Path("finalize")
    public InvoiceView finalizeInvoice(@PathParam("id") String id) {
        // VIES is asked, when it must be, before the finalising transaction opens.
        reverseCharge.beforeFinalizing(caller.tenantId(), id);
        return InvoiceView.of(finalization.finalize(caller.tenantId(), id));
    }

    @POST
    @Path("pay")
    public InvoiceView pay(@PathParam("id") String id, PayInvoiceRequest body) {
        return InvoiceView.of(payments.payFromBalance(caller.tenantId(), id));
    }
}
