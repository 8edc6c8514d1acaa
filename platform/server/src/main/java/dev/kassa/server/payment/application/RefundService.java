package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.server.payment.domain.PayeeAccount;
import dev.kassa.server.payment.domain.Refund;
import dev.kassa.server.payment.domain.RefundRepository;
import dev.kassa.server.shared.BankAccounts;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Refunds of unused funds through the method a top-up was paid with. */
@ApplicationScoped
public class RefundService {
    private RefundOutcomes outcomes;
    private RefundRepository refunds;
    private PaymentMethodService methods;
    private MethodCalls calls;
    private TenantRepository tenants;
    private TopUpRepository topUps;

    protected RefundService() {
    }

    @Inject
    public RefundService(RefundOutcomes outcomes, RefundRepository refunds, PaymentMethodService methods,
                         MethodCalls calls, TenantRepository tenants, TopUpRepository topUps) {
        this.outcomes = outcomes;
        this.refunds = refunds;
        this.methods = methods;
        this.calls = calls;
        this.tenants = tenants;
        this.topUps = topUps;
    }

    /**
     * Debits the balance, asks the method to give the money back and applies its answer.
     *
     * @throws KassaException 422 {@code refund.exceeds_unused_funds} above the smaller of the balance and
     *     what is left of the top-up; 409 {@code refund.not_refundable} for a top-up not PAID
     */
    @Transactional
    public Refund create(String tenantId, String topUpId, Money amount, String idempotencyKey) {
        return create(tenantId, topUpId, amount, idempotencyKey, null);
    }

    /**
     * As {@link #create(String, String, Money, String)}, sent to {@code bankAccount} when the
     * top-up's method refunds by hand (bank transfer).
     *
     * @param bankAccount as the caller wrote it (checked here), or null
     * @throws KassaException 422 {@code request.invalid} for an IBAN or a BIC that does not check out,
     *     422 {@code refund.bank_account_unsupported} for a method whose gateway sends the refund
     */
    @Transactional
    public Refund create(String tenantId, String topUpId, Money amount, String idempotencyKey,
                         PayeeAccount bankAccount) {
        PayeeAccount payee = bankAccount == null ? null : checked(bankAccount);
        // Named after the Idempotency-Key: a retry whose answer was lost finds the refund, not a second one.
        String refundId = idempotencyKey == null ? Ids.next("ref") : Ids.derived("ref", tenantId, topUpId, idempotencyKey);
        if (idempotencyKey != null) {
            java.util.Optional<Refund> earlier = refunds.find(tenantId, refundId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        requireExact(tenantId, topUpId, amount);
        RefundOutcomes.Opened opened = outcomes.open(tenantId, refundId, topUpId, amount, payee);
        Refund refund = opened.refund();
        String slug = tenants.require(tenantId).slug();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kassa_tenant", slug);
        metadata.put("kassa_account", refund.accountId());
        metadata.put("kassa_top_up", topUpId);
        metadata.put("kassa_refund", refund.id());
        RefundResult result = calls.refund(slug, methods.get(tenantId, refund.method()),
                new RefundRequest(refund.id(), opened.paymentReference(),
                        new Amount(amount.minor(), amount.currency().code()), opened.topUpReference(), metadata));
        return outcomes.applyAlone(tenantId, refund.id(), result);
    }

    private static PayeeAccount checked(PayeeAccount account) {
        String iban = BankAccounts.normalise(account.iban());
        String bic = BankAccounts.normalise(account.bic());
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!BankAccounts.isValidIban(iban)) {
            errors.add(new FieldError("bankAccount.iban", "iban.invalid",
                    "is not a valid IBAN (its country's length and check digits)"));
        }
        if (bic != null && !BankAccounts.isValidBic(bic)) {
            errors.add(new FieldError("bankAccount.bic", "bic.invalid", "is not a valid BIC (8 or 11 letters and digits)"));
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        return new PayeeAccount(iban, bic, account.name().strip());
    }

    /**
     * A refund the top-up's method could not send without rounding (1.005 KWD at Stripe) is
     * refused before anything is debited, rather than failing at the gateway afterwards.
     */
    private void requireExact(String tenantId, String topUpId, Money amount) {
        TopUp topUp = topUps.require(tenantId, topUpId);
        if (topUp.status() != TopUpStatus.PAID || !amount.currency().equals(topUp.amount().currency())) {
            return; // refused in RefundOutcomes.open, with the reason that comes first
        }
        PaymentMethodService.ConfiguredMethod method;
        try {
            method = methods.get(tenantId, topUp.method());
        } catch (KassaException e) {
            return; // no plugin provides the method any more: refund.unsupported
        }
        if (method.method().can(Refunds.class) && !methods.accepts(method, amount)) {
            throw KassaException.unprocessable("refund.amount_unsupported", "Refund amount not supported",
                    "The payment method " + topUp.method() + " cannot give back exactly " + amount
                            + "; it would have to round it. Choose another amount.");
        }
    }

    @Transactional
    public Refund get(String tenantId, String refundId) {
        return refunds.find(tenantId, refundId).orElseThrow(KassaException::notFound);
    }

    /** The reference of the top-up a refund gives back, which the payer knows from paying it. */
    @Transactional
    public String topUpReference(String tenantId, String topUpId) {
        return topUps.require(tenantId, topUpId).reference();
    }

    @Transactional
    public List<Refund> forTopUp(String tenantId, String topUpId) {
        topUps.require(tenantId, topUpId);
        return refunds.forTopUp(tenantId, topUpId);
    }

    /**
     * The tenant reports a refund it sends by hand (bank transfer) as sent, or as failed (the money
     * goes back on the balance). Only for methods whose refunds are settled by hand.
     */
    @Transactional
    public Refund report(String tenantId, String refundId, boolean sent, String reason) {
        Refund refund = refunds.lock(tenantId, refundId);
        boolean byHand = methods.get(tenantId, refund.method()).method().as(Refunds.class).refundsByHand();
        if (!byHand) {
            throw KassaException.conflict("refund.not_manual", "Refund settled by the gateway",
                    "Refunds by " + refund.method() + " are settled by the gateway, not reported by hand.");
        }
        if (refund.status() != Refund.Status.PENDING) {
            throw KassaException.conflict("refund.not_pending", "Refund not pending",
                    "Only a PENDING refund can be reported; this one is " + refund.status() + ".");
        }
        outcomes.apply(refund, sent ? RefundResult.succeeded(null) : RefundResult.failed(null, "reported_failed",
                reason == null ? "Reported failed by the tenant." : reason));
        return refund;
    }
}
