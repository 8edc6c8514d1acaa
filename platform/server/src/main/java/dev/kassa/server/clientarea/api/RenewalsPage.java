package dev.kassa.server.clientarea.api;

import dev.kassa.server.billing.application.BilledServices;
import dev.kassa.server.billing.application.CustomerInvoices;
import dev.kassa.server.billing.application.EarlyRenewals;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /renewals}, the Renewals tab of Payments: the account's running services (active or
 * suspended) with their price, period and next renewal, and the renewal invoice each one waits for.
 * "Renew now" pays the next period of the services ticked from the balance, one transaction per
 * service ({@link EarlyRenewals}); an open invoice is paid from the Invoices page's form, or
 * another way through the top-up page bound to it.
 */
@ApplicationScoped
public class RenewalsPage implements ClientAreaPage {
    /** More services than this on one account are not shown here (the API lists them all). */
    static final int MAX_SERVICES = 200;

    private BilledServices services;
    private EarlyRenewals renewals;
    private CustomerInvoices invoices;

    protected RenewalsPage() {
    }

    @Inject
    public RenewalsPage(BilledServices services, EarlyRenewals renewals, CustomerInvoices invoices) {
        this.services = services;
        this.renewals = renewals;
        this.invoices = invoices;
    }

    /** The renewal invoice a service waits for. */
    public record OpenInvoice(String id, String number, Money amount, Instant dueAt) { }

    /**
     * One service. {@code choice} is the value of its "Renew now" box (the service and the period it
     * renews); {@code canRenew} false when it waits for {@code invoice}, or ends at period end
     * ({@code cancelAt}).
     */
    public record ServiceRow(String id, String name, String status, String period, Instant nextRenewalAt,
                             Money price, String choice, boolean canRenew, Instant cancelAt, Instant suspendAt,
                             OpenInvoice invoice) { }

    /** A service that could not be renewed, and the text key that says why. */
    public record Refusal(String name, String message) { }

    @Override
    public Set<String> paths() {
        return Set.of("/renewals");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        Map<String, Object> model = model(visit, List.of());
        String renewed = visit.param("renewed");
        model.put("renewed", renewed != null && renewed.matches("[0-9]{1,3}") ? Integer.valueOf(renewed) : null);
        return Reply.page("renewals", model);
    }

    @Override
    public Reply post(Visit visit) {
        List<String> chosen = visit.params("renew");
        if (chosen.isEmpty()) {
            return Reply.page(422, "renewals", model(visit, List.of(new Refusal(null, "renewals.error.none"))));
        }
        List<Refusal> refusals = new ArrayList<>();
        int renewed = 0;
        for (String choice : chosen.stream().distinct().limit(MAX_SERVICES).toList()) {
            int at = choice.indexOf('|');
            Instant period;
            try {
                period = at < 0 ? null : Instant.parse(choice.substring(at + 1));
            } catch (DateTimeParseException e) {
                period = null;
            }
            if (period == null) {
                continue; // no box of this page
            }
            String serviceId = choice.substring(0, at);
            try {
                EarlyRenewals.Outcome outcome = renewals.renewNow(visit.tenantId(), visit.accountId(), serviceId, period);
                if (!outcome.alreadyRenewed()) {
                    renewed++;
                }
            } catch (KassaException e) {
                if (e.status() == 404) {
                    continue; // another account's: as if it did not exist
                }
                refusals.add(new Refusal(nameOf(visit, serviceId), messageOf(e)));
            }
        }
        if (refusals.isEmpty()) {
            return Reply.redirect("/renewals?renewed=" + renewed);
        }
        Map<String, Object> model = model(visit, refusals);
        model.put("renewed", renewed == 0 ? null : renewed);
        return Reply.page(422, "renewals", model);
    }

    private String nameOf(Visit visit, String serviceId) {
        try {
            return services.get(visit.tenantId(), serviceId).name();
        } catch (KassaException e) {
            return serviceId;
        }
    }

    static String messageOf(KassaException e) {
        String code = e.code() == null ? "" : e.code();
        switch (code) {
            case "balance.insufficient":
                return "renewals.error.balance";
            case "service.invoice_open":
                return "renewals.error.invoiceOpen";
            case "service.cancelled":
                return "renewals.error.cancelled";
            case "service.terminated":
                return "renewals.error.terminated";
            default:
                return "renewals.error.failed";
        }
    }

    private Map<String, Object> model(Visit visit, List<Refusal> refusals) {
        List<Service> running = new ArrayList<>();
        for (ServiceStatus status : List.of(ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED)) {
            List<Service> found = services.list(visit.tenantId(), visit.accountId(), status,
                    new PageRequest(MAX_SERVICES, null));
            running.addAll(found.size() > MAX_SERVICES ? found.subList(0, MAX_SERVICES) : found);
        }
        running.sort(Comparator.comparing(Service::nextRenewalAt).thenComparing(Service::id));
        List<ServiceRow> rows = new ArrayList<>();
        for (Service s : running) {
            OpenInvoice open = null;
            if (s.unpaidInvoiceId() != null) {
                Invoice i = invoices.get(visit.tenantId(), visit.accountId(), s.unpaidInvoiceId());
                open = new OpenInvoice(i.id(), i.number(), i.gross(), i.dueAt());
            }
            boolean canRenew = s.status() == ServiceStatus.ACTIVE && open == null && s.cancelAt() == null;
            rows.add(new ServiceRow(s.id(), s.name(), s.status().name(), s.period().name(), s.nextRenewalAt(),
                    s.price(), s.id() + "|" + s.nextRenewalAt(), canRenew, s.cancelAt(), s.suspendAt(), open));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("services", rows);
        model.put("canRenewAny", rows.stream().anyMatch(ServiceRow::canRenew));
        model.put("refusals", refusals);
        model.put("paid", InvoicesPage.paidNumber(visit, invoices));
        model.putIfAbsent("renewed", null);
        return model;
    }
}
