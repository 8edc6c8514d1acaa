package dev.kassa.server.clientarea.api;

import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /history}: the customer's top-ups, newest first, filtered by status and paged by the
 * list's cursor; and {@code /history/status?ids=…}, the statuses of some of them as JSON, which the
 * page's script polls while a row is still New.
 */
@ApplicationScoped
public class HistoryPages implements ClientAreaPage {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final int PAGE_SIZE = 20;
    private static final int MAX_POLLED = 50;
    private static final Pattern ID = Pattern.compile("top_[A-Za-z0-9]{1,60}");

    private TopUpService topUps;
    private PaymentMethodService methods;

    protected HistoryPages() {
    }

    @Inject
    public HistoryPages(TopUpService topUps, PaymentMethodService methods) {
        this.topUps = topUps;
        this.methods = methods;
    }

    /**
     * One row of the history.
     *
     * @param cancelReasonCode the gateway's code for a failed payment (the theme may have words for it), or null
     * @param cancelReason the reason as given (the gateway's words, or the cancel request's)
     */
    public record Row(String id, String method, Money amount, Money credit, Instant createdAt, String status,
                      String cancelReasonCode, String cancelReason, boolean highlighted) { }

    @Override
    public Set<String> paths() {
        return Set.of("/history", "/history/status");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        if (visit.path().equals("/history/status")) {
            return statuses(visit);
        }
        TopUpStatus status = status(visit.param("status"));
        String after = visit.param("after");
        PageRequest page;
        try {
            page = PageRequest.of(String.valueOf(PAGE_SIZE), after, "top");
        } catch (KassaException e) {
            page = new PageRequest(PAGE_SIZE, null); // a cursor from nowhere: the first page
        }
        List<TopUp> found = topUps.list(visit.tenantId(), visit.accountId(), status, page);
        boolean more = found.size() > PAGE_SIZE;
        List<TopUp> shown = more ? found.subList(0, PAGE_SIZE) : found;
        String highlight = visit.param("topUp");
        Map<String, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (TopUp t : shown) {
            String name = names.computeIfAbsent(t.method(), code -> methodName(visit, code));
            rows.add(new Row(t.id(), name, t.amount(), t.credit(), t.createdAt(), t.status().name(),
                    t.cancelReasonCode(), t.cancelReason(), t.id().equals(highlight)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("rows", rows);
        model.put("statusFilter", status == null ? null : status.name());
        model.put("statuses", List.of("NEW", "PAID", "CANCELLED"));
        model.put("nextPage", more ? "/history?" + (status == null ? "" : "status=" + status.name() + "&")
                + "after=" + shown.get(shown.size() - 1).id() : null);
        model.put("firstPage", after == null ? null : "/history" + (status == null ? "" : "?status=" + status.name()));
        model.put("returned", visit.param("returned") != null);
        return Reply.page("history", model);
    }

    private String methodName(Visit visit, String code) {
        try {
            return methods.get(visit.tenantId(), code).method().info().name(visit.theme().locale());
        } catch (KassaException e) {
            return code; // its plugin is gone; the code still says which it was
        }
    }

    private static TopUpStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return TopUpStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code {"top_…": "PAID", …}} for those of the ids that are this customer's top-ups. */
    private Reply statuses(Visit visit) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        String ids = visit.param("ids");
        if (ids != null) {
            int asked = 0;
            for (String id : ids.split(",")) {
                if (!ID.matcher(id).matches() || ++asked > MAX_POLLED) {
                    continue;
                }
                try {
                    TopUp topUp = topUps.get(visit.tenantId(), id);
                    if (topUp.accountId().equals(visit.accountId())) {
                        json.add(id, topUp.status().name());
                    }
                } catch (KassaException e) {
                    // not found in this tenant: left out, like another customer's
                }
            }
        }
        return Reply.bytes("application/json", json.build().toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }
}
