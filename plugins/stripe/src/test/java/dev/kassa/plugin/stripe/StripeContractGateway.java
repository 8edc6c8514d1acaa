package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.testkit.contract.ContractGateway;
import dev.kassa.testkit.stripe.Endpoint;
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.RefundView;
import dev.kassa.testkit.stripe.StripeFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The contract's view of {@link StripeFake}. */
final class StripeContractGateway implements ContractGateway {
    private final StripeFake stripe;

    StripeContractGateway(StripeFake stripe) {
        this.stripe = stripe;
    }

    @Override
    public Map<String, String> credentials() {
        return stripe.credentials();
    }

    @Override
    public Map<String, String> operatorSettings() {
        return stripe.operatorSettings();
    }

    @Override
    public void reset() {
        stripe.reset();
    }

    @Override
    public List<String> idempotencyKeys() {
        return stripe.idempotencyKeys();
    }

    @Override
    public void nextPaymentDeclines() {
        stripe.nextPaymentDeclines("insufficient_funds");
    }

    @Override
    public void nextPaymentSettlesLater() {
        stripe.nextPaymentProcessing();
    }

    @Override
    public void nextPaymentAnswersLate(Duration delay) {
        stripe.delayNext(Endpoint.CREATE_PAYMENT_INTENT, delay);
    }

    @Override
    public void nextPaymentFailsWithServerError() {
        stripe.failNextWith500(Endpoint.CREATE_PAYMENT_INTENT);
    }

    /** Confirms the PaymentIntent as Stripe.js would, or pays on the hosted page of a Checkout Session. */
    @Override
    public void customerCompletes(PaymentResult started) {
        if (started.gatewayReference().startsWith("cs_")) {
            stripe.customerPaysOnPage(started.gatewayReference());
        } else {
            stripe.customerConfirms(started.gatewayReference());
        }
    }

    @Override
    public void expireHostedPage(String gatewayReference) {
        stripe.expireSession(gatewayReference);
    }

    @Override
    public void settle(String gatewayReference) {
        stripe.settle(gatewayReference);
    }

    @Override
    public WebhookRequest paymentWebhook(String gatewayReference, Instant signedAt) {
        if (gatewayReference.startsWith("cs_")) {
            return stripe.sessionEvent(gatewayReference, signedAt).toWebhookRequest();
        }
        return stripe.paymentEvent(gatewayReference, signedAt).toWebhookRequest();
    }

    @Override
    public void customerCompletesSetup(SetupResult started) {
        if (started.gatewayReference().startsWith("cs_")) {
            stripe.customerPaysOnPage(started.gatewayReference());
            return;
        }
        stripe.customerConfirmsSetup(started.gatewayReference());
    }

    @Override
    public void nextSetupFails() {
        stripe.nextSetupFails("card_declined");
    }

    @Override
    public WebhookRequest setupWebhook(String gatewayReference, Instant signedAt) {
        return stripe.setupEvent(gatewayReference, signedAt).toWebhookRequest();
    }

    @Override
    public void nextRefundSettlesLater() {
        stripe.nextRefundPending();
    }

    @Override
    public void settleRefund(String gatewayReference) {
        stripe.settleRefund(gatewayReference);
    }

    @Override
    public OptionalLong chargedAmount(String gatewayReference) {
        return stripe.paymentIntent(gatewayReference).map(PaymentIntentView::isoAmount).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong refundedAmount(String gatewayReference) {
        return stripe.refund(gatewayReference).map(RefundView::isoAmount).map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
