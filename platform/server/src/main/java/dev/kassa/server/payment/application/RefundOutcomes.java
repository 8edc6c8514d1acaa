package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.PaymentAttemptRepository;
import dev.kassa.server.payment.domain.PayeeAccount;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundRepository;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A refund's money, before and after the gateway: asking for one debits the balance at once (into
 * {@code refunds_pending}); success lets the money leave the clearing account it came in through;
 * failure puts it back on the balance. Only unused funds: never more than the balance, never more
 * than what is left unrefunded of the top-up. The gateway's answer is applied by the same rules
 * whoever brings it (the first call, a webhook, the janitor).
 */
@ApplicationScoped
public class RefundOutcomes {
    private RefundRepository refunds;
    private TopUpRepository topUps;
    private PaymentAttemptRepository attempts;
    private AccountRepository accounts;
    private Ledger ledger;
    private Notifications notifications;
    private PluginRegistry registry;
    private Backoff backoff;
    private Event<RefundProcessed> processed;
    private Clock clock;

    protected RefundOutcomes() {
    }

    @Inject
    public RefundOutcomes(RefundRepository refunds, TopUpRepository topUps, PaymentAttemptRepository attempts,
                          AccountRepository accounts, Ledger ledger, Notifications notifications,
                          PluginRegistry registry, Backoff backoff, Event<RefundProcessed> processed,
                          Clock clock) {
        this.refunds = refunds;
        this.topUps = topUps;
        this.attempts = attempts;
        this.accounts = accounts;
        this.ledger = ledger;
        this.notifications = notifications;
        this.registry = registry;
        this.backoff = backoff;
        this.processed = processed;
        this.clock = clock;
    }

    /** A refund just recorded, with what the gateway call needs to know of its top-up. */
    public record Opened(Refund refund, String topUpReference, String paymentReference) { }

    /** Checks the limits, records the PENDING refund and debits the balance; committed before the gateway is called. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opened open(String tenantId, String refundId, String topUpId, Money amount, PayeeAccount named) {
        TopUp topUp = topUps.lock(tenantId, topUpId);
        if (topUp.status() != TopUpStatus.PAID) {
            throw KassaException.conflict("refund.not_refundable", "Top-up not refundable",
                    "Only a PAID top-up can be refunded; this one is " + topUp.status() + ".");
        }
        if (registry.method(topUp.method()).filter(m -> m.can(Refunds.class)).isEmpty()) {
            throw KassaException.unprocessable("refund.unsupported", "Refunds not supported",
                    "The payment method " + topUp.method() + " cannot give money back.");
        }
        boolean byHand = registry.method(topUp.method()).map(m -> m.as(Refunds.class).refundsByHand()).orElse(false);
        if (named != null && !byHand) {
            throw KassaException.unprocessable("refund.bank_account_unsupported", "Bank account not used",
                    "Refunds by " + topUp.method() + " go back through the gateway to what the payer paid with;"
                            + " a bankAccount is only for refunds the tenant sends by bank transfer.");
        }
        if (!amount.currency().equals(topUp.amount().currency()) || !amount.currency().equals(topUp.credit().currency())) {
            throw KassaException.unprocessable("refund.currency_unsupported", "Refund currency not supported",
                    "A refund is in the currency the top-up was paid and credited in (" + topUp.amount().currency()
                            + "); top-ups paid in another currency than the account's are refunded by the tenant.");
        }
        Account account = accounts.lock(tenantId, topUp.accountId());
        Money unrefunded = topUp.credited().minus(new Money(refunds.refundedMinor(tenantId, topUpId), amount.currency()));
        Money maximum = account.balance().compareTo(unrefunded) < 0 ? account.balance() : unrefunded;
        if (amount.compareTo(maximum) > 0) {
            throw KassaException.unprocessable("refund.exceeds_unused_funds", "Refund exceeds unused funds",
                    "At most " + maximum + " can be refunded: the smaller of the balance (" + account.balance()
                            + ") and what is left unrefunded of this top-up (" + unrefunded + ").")
                    .with("maximum", maximum);
        }
        PaymentAttempt paid = attempts.succeeded(tenantId, topUpId).orElse(null);
        // The money leaves the way it came in: through the gateway that took it, else the tenant's bank.
        boolean throughGateway = paid != null && paid.gatewayReference() != null;
        Instant now = clock.instant();
        Refund refund = new Refund(refundId, tenantId, topUpId, account.id(), paid == null ? null : paid.id(),
                topUp.method(), amount, throughGateway ? SystemAccount.GATEWAY_CLEARING : SystemAccount.BANK_CLEARING,
                now);
        if (byHand) {
            // Where the tenant sends it: the account the request names, else the one the bank statement
            // showed the top-up's money coming from; neither: sent by hand as before, and the refund says why.
            PayeeAccount payee = named != null ? named : topUp.payerIban() == null ? null
                    : new PayeeAccount(topUp.payerIban(), topUp.payerBic(), topUp.payerAccountName());
            refund.sendByHandTo(payee == null ? null : payee.iban(), payee == null ? null : payee.bic(),
                    payee == null ? null : payee.name(), named != null ? "REQUEST" : "STATEMENT");
        }
        refunds.add(refund);
        ledger.debit(account, amount, SystemAccount.REFUNDS_PENDING, TransactionType.REFUND,
                "Refund of top-up " + topUp.reference(), topUp.reference());
        return new Opened(refund, topUp.reference(), throughGateway ? paid.gatewayReference() : null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Refund applyAlone(String tenantId, String refundId, RefundResult result) {
        Refund refund = refunds.lock(tenantId, refundId);
        apply(refund, result);
        return refund;
    }

    /** News from a gateway event: applied to the refund it names (locked here), if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Refund> applyFromGateway(String tenantId, String method, RefundResult result) {
        Optional<Refund> refund = refunds.lockForGateway(tenantId, method, result.gatewayReference(), result.refundId());
        refund.ifPresent(r -> apply(r, result));
        return refund;
    }

    /** Applies news about a refund the caller has locked; a finished refund never changes again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Refund refund, RefundResult result) {
        Instant now = clock.instant();
        refund.learnReference(result.gatewayReference(), now);
        if (refund.status() != Refund.Status.PENDING) {
            return;
        }
        if (result.outcome() == Outcome.SUCCEEDED) {
            refund.succeed(now);
            ledger.move(refund.tenantId(), refund.amount(), refund.clearing(), SystemAccount.REFUNDS_PENDING,
                    TransactionType.REFUND_SENT, "Refund " + refund.id() + " sent", refund.gatewayReference());
            String reference = topUps.find(refund.tenantId(), refund.topUpId()).map(TopUp::reference).orElse(null);
            processed.fire(new RefundProcessed(refund.tenantId(), refund.accountId(), refund.id(), reference,
                    refund.amount(), refund.topUpId()));
        } else if (result.outcome() == Outcome.DECLINED) {
            String reason = result.reason() == null ? "The refund failed." : result.reason();
            refund.fail(result.reasonCode(), reason, now);
            Account account = accounts.lock(refund.tenantId(), refund.accountId());
            ledger.credit(account, refund.amount(), SystemAccount.REFUNDS_PENDING, TransactionType.REFUND_REVERSAL,
                    "Refund " + refund.id() + " failed: " + reason, refund.gatewayReference());
            notifications.add(refund.tenantId(), refund.accountId(), "refund.failed", refund.id(),
                    "The refund of " + refund.amount() + " failed and is back on the balance: " + reason);
        } else {
            boolean byHand = registry.method(refund.method()).filter(m -> m.can(Refunds.class))
                    .map(m -> m.as(Refunds.class).refundsByHand()).orElse(true);
            refund.scheduleCheck(byHand ? null : backoff.next(now, refund.createdAt(), refund.checkCount()));
        }
    }

    /** The janitor cannot ask about this one (no reference, or the method cannot tell): it stops trying. */
    @Transactional
    public void stopChecking(String tenantId, String refundId) {
        refunds.lock(tenantId, refundId).scheduleCheck(null);
    }
}
