package dev.kassa.server.clientarea.application;

import dev.kassa.server.clientarea.domain.DismissedNoticeRepository;
import dev.kassa.server.payment.application.PaymentAttempts;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The error notice a customer sees on every page after a payment of theirs failed: the newest top-up
 * cancelled because its payment was declined, until they dismiss it. A top-up cancelled on request
 * gets no notice.
 */
@ApplicationScoped
public class FailedPaymentNotices {
    /** How far back a failure is looked for: the latest cancelled top-ups only. */
    private static final int RECENT = 5;

    private TopUpService topUps;
    private PaymentAttempts attempts;
    private DismissedNoticeRepository dismissed;
    private Clock clock;

    protected FailedPaymentNotices() {
    }

    @Inject
    public FailedPaymentNotices(TopUpService topUps, PaymentAttempts attempts, DismissedNoticeRepository dismissed,
                                Clock clock) {
        this.topUps = topUps;
        this.attempts = attempts;
        this.dismissed = dismissed;
        this.clock = clock;
    }

    /**
     * A failed top-up to tell the customer about.
     *
     * @param reasonCode the gateway's code (the theme may have words for it), or null
     * @param reason the gateway's words
     */
    public record Notice(String topUpId, String reasonCode, String reason, TopUp topUp) { }

    @Transactional
    public Optional<Notice> current(String tenantId, String accountId) {
        List<TopUp> cancelled = topUps.list(tenantId, accountId, TopUpStatus.CANCELLED, new PageRequest(RECENT, null));
        if (cancelled.isEmpty()) {
            return Optional.empty();
        }
        // Only the newest failure counts: once it is dismissed, older ones stay quiet too.
        Optional<TopUp> failed = cancelled.stream().filter(t -> attempts.latest(tenantId, t.id())
                .map(a -> a.status() == AttemptStatus.DECLINED).orElse(false)).findFirst();
        if (failed.isEmpty() || !dismissed.dismissed(tenantId, accountId, List.of(failed.get().id())).isEmpty()) {
            return Optional.empty();
        }
        return failed.map(t -> new Notice(t.id(), t.cancelReasonCode(), t.cancelReason(), t));
    }

    /** 404 for a top-up that is not this account's. */
    @Transactional
    public void dismiss(String tenantId, String accountId, String topUpId) {
        TopUp topUp = topUps.get(tenantId, topUpId);
        if (!topUp.accountId().equals(accountId)) {
            throw KassaException.notFound();
        }
        dismissed.dismiss(tenantId, accountId, topUpId, clock.instant());
    }
}
