package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Reversal;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;

/**
 * Money a gateway took back after the fact (a chargeback, a PayPal reversal) on a top-up it had
 * paid: the balance is debited with what that money had credited, once per payment (the attempt
 * keeps the reversal), even below zero, since the money is gone already; the tenant is told
 * ({@code payment.reversed} notification and webhook). A reversal of a payment that never
 * succeeded, or of one reversed before, changes nothing.
 */
@ApplicationScoped
public class PaymentReversals {
    private PaymentAttempts attempts;
    private TopUpRepository topUps;
    private AccountRepository accounts;
    private Ledger ledger;
    private Notifications notifications;
    private Event<PaymentReversed> reversed;
    private Clock clock;

    /** What became of a reported reversal. */
    public enum Result { APPLIED, UNKNOWN_PAYMENT, IGNORED }

    protected PaymentReversals() {
    }

    @Inject
    public PaymentReversals(PaymentAttempts attempts, TopUpRepository topUps, AccountRepository accounts,
                            Ledger ledger, Notifications notifications, Event<PaymentReversed> reversed, Clock clock) {
        this.attempts = attempts;
        this.topUps = topUps;
        this.accounts = accounts;
        this.ledger = ledger;
        this.notifications = notifications;
        this.reversed = reversed;
        this.clock = clock;
    }

    /** Applies a verified reversal to the payment it names, in the caller's transaction (the event's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result applyFromGateway(String tenantId, String method, Reversal reversal, String eventId) {
        PaymentAttempt attempt = attempts.lockFor(tenantId, method, reversal.gatewayReference(), reversal.attemptId())
                .orElse(null);
        if (attempt == null) {
            notifications.add(tenantId, null, "webhook.unknown_payment", reversal.gatewayReference(),
                    "The gateway reported a reversal of a payment Kassa does not know ("
                            + reversal.gatewayReference() + "); recorded, nothing debited.");
            return Result.UNKNOWN_PAYMENT;
        }
        String detail = "reversal " + reversal.reversalReference() + " of " + reversal.amount();
        if (attempt.status() != AttemptStatus.SUCCEEDED || attempt.isReversed()) {
            attempts.event(attempt, attempt.status(), "webhook", eventId, "ignored: " + detail + (attempt.isReversed()
                    ? ", the payment was reversed before (" + attempt.reversalReference() + ")"
                    : ", the payment is " + attempt.status()));
            return Result.IGNORED;
        }
        Money received = attempt.receivedAmount();
        Money taken = CurrencyRegistry.iso4217().find(reversal.amount().currency())
                .map(c -> new Money(reversal.amount().minor(), c)).orElse(null);
        if (taken == null || received == null || !taken.currency().code().equals(received.currency().code())
                || taken.compareTo(received) > 0) {
            String why = "The gateway reported a reversal of " + reversal.amount() + " for a payment of " + received
                    + "; nothing debited, correct it by hand if the money is gone.";
            attempts.event(attempt, attempt.status(), "webhook", eventId, why);
            notifications.add(tenantId, attempt.accountId(), "payment.amount_mismatch", attempt.id(), why);
            return Result.IGNORED;
        }
        Instant now = clock.instant();
        // Lock order everywhere: attempt, top-up, account.
        TopUp topUp = topUps.lock(tenantId, attempt.topUpId());
        Account account = accounts.lock(tenantId, attempt.accountId());
        Money debit = share(topUp.credited(), taken, received);
        attempt.reverse(reversal.reversalReference(), taken, now);
        String reason = reversal.reason() != null ? reversal.reason() : "The gateway took the payment back.";
        String transaction = null;
        Money after = account.balance();
        if (debit.isPositive()) {
            transaction = ledger.reverse(account, debit, SystemAccount.GATEWAY_CLEARING,
                    PaymentAttempts.truncate("Payment " + attempt.method() + " " + attempt.gatewayReference()
                            + " reversed: " + reason, 500), topUp.reference()).transactionId();
            after = account.balance();
        }
        attempts.event(attempt, AttemptStatus.SUCCEEDED, "webhook", eventId, detail + ": debited " + debit);
        notifications.add(tenantId, attempt.accountId(), "payment.reversed", topUp.id(),
                "The gateway took back " + taken + " paid for top-up " + topUp.reference() + " (" + reason
                        + "); " + debit + " was debited from the balance, now " + after + ".");
        reversed.fire(new PaymentReversed(tenantId, attempt.accountId(), topUp.id(), attempt.id(), topUp.reference(),
                taken, debit, after, reversal.reasonCode(), PaymentAttempts.truncate(reason, 500), transaction));
        return Result.APPLIED;
    }

    /**
     * What the reversed money had credited: all of it for a whole reversal, else the same share of
     * it, rounded half-even in the account's currency (the credit may have been converted).
     */
    static Money share(Money credited, Money taken, Money received) {
        if (taken.equals(received)) {
            return credited;
        }
        BigInteger product = BigInteger.valueOf(credited.minor()).multiply(BigInteger.valueOf(taken.minor()));
        long minor = new BigDecimal(product).divide(BigDecimal.valueOf(received.minor()), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        return new Money(minor, credited.currency());
    }
}
