package dev.kassa.server.payment.application;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.payment.domain.TopUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pays a new top-up through its method, in three steps: record the top-up and its attempt (and
 * commit), call the plugin with the attempt's id as idempotency key (no row lock held: the
 * request's own transaction has only read), then apply the answer, committed on its own, like any
 * later news.
 */
@ApplicationScoped
public class PaymentStarter {
    private PaymentAttempts attempts;
    private MethodCalls calls;
    private PaymentOutcomes outcomes;

    protected PaymentStarter() {
    }

    @Inject
    public PaymentStarter(PaymentAttempts attempts, MethodCalls calls, PaymentOutcomes outcomes) {
        this.attempts = attempts;
        this.calls = calls;
        this.outcomes = outcomes;
    }

    /** An attempt committed earlier under this id, if any. */
    public java.util.Optional<PaymentAttempt> find(String tenantId, String attemptId) {
        return attempts.find(tenantId, attemptId);
    }

    /**
     * @param returnUrls where the gateway's hosted page sends the customer's browser back, or
     *     {@link ReturnUrls#NONE} for an API client; passed on to the plugin, ignored off-session
     *     (nobody's browser is there to send)
     * @return the attempt as it stands after the plugin's answer
     */
    public PaymentAttempt start(Tenant tenant, Account account, Payer payer, ConfiguredMethod method, TopUp topUp,
                                PaymentAttempt attempt, boolean saveMethod, String savedMethodToken,
                                ReturnUrls returnUrls) {
        attempts.open(topUp, attempt);
        Customer customer = new Customer(account.id(), account.reference(), payer == null ? account.name() : payer.name(),
                account.email(), payer == null ? account.country() : payer.country(), account.locale(),
                attempts.gatewayCustomer(tenant.id(), method.code(), account.id()).orElse(null));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kassa_tenant", tenant.slug());
        metadata.put("kassa_account", account.id());
        metadata.put("kassa_top_up", topUp.id());
        metadata.put("kassa_attempt", attempt.id());
        PaymentRequest request = new PaymentRequest(attempt.id(),
                new Amount(topUp.amount().minor(), topUp.amount().currency().code()), topUp.reference(),
                tenant.name() + " top-up " + topUp.reference(), customer, saveMethod, savedMethodToken, metadata);
        if (!attempt.offSession()) {
            request = request.withReturnUrls(returnUrls.returnUrl(), returnUrls.cancelUrl());
        }
        PaymentResult result = calls.pay(tenant.slug(), method, request, attempt.offSession());
        return outcomes.applyStart(tenant.id(), attempt.id(), result, topUp.reference(), topUp.amount());
    }
}
