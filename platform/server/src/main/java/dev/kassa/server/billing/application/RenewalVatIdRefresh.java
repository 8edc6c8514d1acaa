package dev.kassa.server.billing.application;

import dev.kassa.server.account.application.VatIdChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the billing run from asking VIES for each renewal: once per round, before renewing, it asks
 * again only about the payers of services due within {@link #LEAD} whose last valid answer is
 * older than {@link ReverseChargeChecks#MAX_AGE}, at most {@link #PER_ROUND} of them, outside any
 * transaction; the renewals then read the stored answers. An outage keeps the last valid answer.
 */
@ApplicationScoped
public class RenewalVatIdRefresh {
    static final Duration LEAD = Duration.ofHours(1);
    static final int PER_ROUND = 20;

    private ServiceRenewalVatIds due;
    private VatIdChecks checks;
    private Clock clock;

    protected RenewalVatIdRefresh() {
    }

    @Inject
    public RenewalVatIdRefresh(ServiceRenewalVatIds due, VatIdChecks checks, Clock clock) {
        this.due = due;
        this.checks = checks;
        this.clock = clock;
    }

    /** How many payers were asked about. */
    public int refresh() {
        Instant now = clock.instant();
        var payers = due.payersWithOldVatChecks(now.plus(LEAD), now.minus(ReverseChargeChecks.MAX_AGE), PER_ROUND);
        payers.forEach(p -> checks.checkNow(p.tenantId(), p.payerId()));
        return payers.size();
    }
}
