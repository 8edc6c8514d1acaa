package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies what a gateway says about a payment, whoever brings the news (the first call, a webhook,
 * the janitor): the same rules every time. Success credits the top-up once; a decline cancels it;
 * nothing ever moves an attempt backwards; money that differs from what was asked is flagged for
 * the tenant and not credited.
 */
@ApplicationScoped
public class PaymentOutcomes {
    private PaymentAttempts attempts;
    private TopUpRepository topUps;
    private AccountRepository accounts;
    private IncomingPayments incoming;
    private Notifications notifications;
    private SavedMethodOutcomes savedMethods;
    private PluginRegistry registry;
    private Backoff backoff;
    private BoundInvoices invoices;
    private Event<TopUpCancelled> cancelled;
    private Clock clock;

    protected PaymentOutcomes() {
    }

    @Inject
    public PaymentOutcomes(PaymentAttempts attempts, TopUpRepository topUps, AccountRepository accounts,
                           IncomingPayments incoming, Notifications notifications, SavedMethodOutcomes savedMethods,
                           PluginRegistry registry, Backoff backoff, BoundInvoices invoices,
                           Event<TopUpCancelled> cancelled, Clock clock) {
        this.attempts = attempts;
        this.topUps = topUps;
        this.accounts = accounts;
        this.incoming = incoming;
        this.notifications = notifications;
        this.savedMethods = savedMethods;
        this.registry = registry;
        this.backoff = backoff;
        this.invoices = invoices;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    /**
     * Applies the answer to the first call, in a transaction of its own. Instructions (a bank
     * transfer's beneficiary and IBAN) become the top-up's, with its reference and amount.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentAttempt applyStart(String tenantId, String attemptId, PaymentResult result, String reference,
                                     Money amount) {
        PaymentAttempt attempt = attempts.lock(tenantId, attemptId);
        if (result.nextAction() != null && result.nextAction().kind() == NextAction.Kind.INSTRUCTIONS) {
            topUps.lock(tenantId, attempt.topUpId())
                    .showInstructions(NextActions.instructions(result.nextAction(), reference, amount));
        }
        apply(attempt, result, "start", null);
        return attempt;
    }

    /** Applies news about an attempt the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PaymentAttempt attempt, PaymentResult result, String source, String eventId) {
        Instant now = clock.instant();
        AttemptStatus next = AttemptStatus.of(result.outcome());
        attempt.learnReference(result.gatewayReference(), now);
        attempts.rememberCustomer(attempt.tenantId(), attempt.method(), attempt.accountId(), result.customerReference());
        if (!attempt.accepts(next)) {
            attempts.event(attempt, next, source, eventId, "ignored: the attempt is already " + attempt.status());
            if (attempt.status().open()) {
                scheduleCheck(attempt, now); // still open (an UNKNOWN that stays UNKNOWN): ask again, later
            }
            return;
        }
        switch (next) {
            case SUCCEEDED -> succeed(attempt, result, source, eventId, now);
            case DECLINED -> decline(attempt, result, source, eventId, now);
            default -> {
                attempt.moveTo(next, result.gatewayReference(), NextActions.toJson(result.nextAction()),
                        result.reasonCode(), result.reason(), now);
                scheduleCheck(attempt, now);
                attempts.event(attempt, next, source, eventId, result.reason());
            }
        }
    }

    private void succeed(PaymentAttempt attempt, PaymentResult result, String source, String eventId, Instant now) {
        Optional<Money> received = money(result.received());
        if (received.isEmpty() || !received.get().equals(attempt.amount())) {
            String why = "The gateway reported " + describe(result.received()) + " for a payment of "
                    + attempt.amount() + "; not credited.";
            attempt.flag(why, now);
            attempt.scheduleCheck(null);
            attempts.event(attempt, AttemptStatus.MISMATCH, source, eventId, why);
            notifications.add(attempt.tenantId(), attempt.accountId(), "payment.amount_mismatch", attempt.id(), why);
            return;
        }
        attempt.moveTo(AttemptStatus.SUCCEEDED, result.gatewayReference(), null, null, null, now);
        attempt.received(received.get());
        attempt.scheduleCheck(null);
        // Lock order everywhere: attempt, top-up, invoice (for a top-up that pays one), account.
        TopUp topUp = topUps.lock(attempt.tenantId(), attempt.topUpId());
        if (topUp.invoiceId() != null) {
            invoices.lock(attempt.tenantId(), topUp.invoiceId()); // paid from the balance below, by billing
        }
        Account account = accounts.lock(attempt.tenantId(), attempt.accountId());
        IncomingPayments.Credit credit = incoming.price(attempt.tenantId(), account, topUp, received.get());
        incoming.apply(credit, received.get(), account, topUp, SystemAccount.GATEWAY_CLEARING, TransactionType.TOP_UP,
                "Payment " + attempt.method() + " " + attempt.gatewayReference(), topUp.reference());
        attempts.event(attempt, AttemptStatus.SUCCEEDED, source, eventId, "credited " + credit.amount());
        if (result.savedMethod() != null && topUp.payerId() != null) {
            // The customer asked to keep the card while paying: it is confirmed by this very payment.
            savedMethods.adoptFromPayment(attempt.tenantId(), attempt.accountId(), topUp.payerId(), attempt.method(),
                    result.savedMethod(), topUp.invoiceId() != null);
        }
    }

    private void decline(PaymentAttempt attempt, PaymentResult result, String source, String eventId, Instant now) {
        attempt.moveTo(AttemptStatus.DECLINED, result.gatewayReference(), null, result.reasonCode(), result.reason(),
                now);
        attempt.scheduleCheck(null);
        attempts.event(attempt, AttemptStatus.DECLINED, source, eventId,
                (result.reasonCode() == null ? "" : result.reasonCode() + ": ") + result.reason());
        TopUp topUp = topUps.lock(attempt.tenantId(), attempt.topUpId());
        if (topUp.status() == TopUpStatus.NEW) {
            String reason = result.reason() != null ? result.reason()
                    : result.reasonCode() != null ? result.reasonCode() : "The payment failed.";
            String code = result.reasonCode() == null ? null : PaymentAttempts.truncate(result.reasonCode(), 100);
            topUp.cancel(code, PaymentAttempts.truncate(reason, 500), now);
            notifications.add(attempt.tenantId(), attempt.accountId(), "payment.failed", topUp.id(),
                    "The payment of " + attempt.amount() + " for top-up " + topUp.reference() + " failed: " + reason);
            cancelled.fire(new TopUpCancelled(topUp.tenantId(), topUp.accountId(), topUp.id(), topUp.reference(),
                    topUp.amount(), topUp.cancelReasonCode(), topUp.cancelReason(), topUp.invoiceId()));
        }
    }

    /**
     * Money for a top-up arrived outside any gateway (a bank transfer quoting its reference): the
     * open attempts of an offline method (one that cannot be asked, such as bank transfer) are
     * done, so the top-up's payment no longer shows PENDING. Locks them first, in the lock order
     * attempt, top-up, account; the caller credits the money itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PaymentAttempt> lockOffline(String tenantId, TopUp topUp) {
        boolean offline = registry.method(topUp.method()).map(m -> !m.can(StatusQuery.class)).orElse(true);
        return offline ? attempts.lockOpen(tenantId, topUp.id(), topUp.method()) : List.of();
    }

    /** Marks attempts locked by {@link #lockOffline} as paid with what arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleOffline(List<PaymentAttempt> locked, Money received, String detail) {
        Instant now = clock.instant();
        for (PaymentAttempt attempt : locked) {
            attempt.moveTo(AttemptStatus.SUCCEEDED, null, null, null, null, now);
            attempt.received(received);
            attempt.scheduleCheck(null);
            attempts.event(attempt, AttemptStatus.SUCCEEDED, "bank_transfer", null, detail);
        }
    }

    /** The janitor asks again later, if the method can be asked at all. */
    private void scheduleCheck(PaymentAttempt attempt, Instant now) {
        boolean queryable = registry.method(attempt.method()).map(m -> m.can(StatusQuery.class)).orElse(false);
        attempt.scheduleCheck(queryable ? backoff.next(now, attempt.createdAt(), attempt.checkCount()) : null);
    }

    private static Optional<Money> money(Amount amount) {
        if (amount == null) {
            return Optional.empty();
        }
        Optional<CurrencyUnit> currency = CurrencyRegistry.iso4217().find(amount.currency());
        return currency.map(c -> new Money(amount.minor(), c));
    }

    private static String describe(Amount amount) {
        if (amount == null) {
            return "no amount";
        }
        return money(amount).map(Money::toString).orElse(amount.minor() + " minor units of " + amount.currency());
    }
}
