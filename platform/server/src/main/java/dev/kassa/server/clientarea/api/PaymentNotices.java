package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.application.FailedPaymentNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failed-payment notice of the layout ({@code failedPayment}: the top-up's id, the gateway's
 * reason code and words, and the amount), on every page of a signed-in customer until dismissed with a post to
 * {@code /notices/dismiss} ({@code topUp}, {@code returnTo}).
 */
@ApplicationScoped
public class PaymentNotices implements ClientAreaPage, LayoutContribution {
    private static final Logger LOG = Logger.getLogger(PaymentNotices.class.getName());

    private FailedPaymentNotices notices;

    protected PaymentNotices() {
    }

    @Inject
    public PaymentNotices(FailedPaymentNotices notices) {
        this.notices = notices;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/notices/dismiss");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply post(Visit visit) {
        String topUp = visit.param("topUp");
        if (topUp != null) {
            notices.dismiss(visit.tenantId(), visit.accountId(), topUp);
        }
        return Reply.redirect(ReturnPaths.safe(visit.param("returnTo"), "/top-up"));
    }

    @Override
    public void fill(Map<String, Object> model, Visit visit) {
        if (!visit.signedIn() || model.containsKey("failedPayment")) {
            return;
        }
        try {
            notices.current(visit.tenantId(), visit.accountId()).ifPresent(n -> model.put("failedPayment",
                    new FailedPaymentView(n.topUpId(), n.reasonCode(), n.reason(),
                            n.topUp().amount())));
        } catch (RuntimeException e) {
            // A notice is no reason to fail the page it sits on.
            LOG.log(Level.WARNING, "the failed-payment notice could not be read", e);
        }
    }

    /** What the notice shows. */
    public record FailedPaymentView(String topUpId, String reasonCode, String reason,
                                    dev.kassa.server.shared.Money amount) { }
}
