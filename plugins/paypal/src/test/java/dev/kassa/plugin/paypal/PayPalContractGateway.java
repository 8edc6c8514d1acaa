package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.testkit.contract.ContractGateway;
import dev.kassa.testkit.paypal.PayPalFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The contract's view of {@link PayPalFake}. */
final class PayPalContractGateway implements ContractGateway {
    private final PayPalFake paypal;

    PayPalContractGateway(PayPalFake paypal) {
        this.paypal = paypal;
    }

    @Override
    public Map<String, String> credentials() {
        return paypal.credentials();
    }

    @Override
    public Map<String, String> operatorSettings() {
        return paypal.operatorSettings();
    }

    @Override
    public void reset() {
        paypal.reset();
    }

    @Override
    public List<String> idempotencyKeys() {
        return paypal.requestIds();
    }

    @Override
    public void nextPaymentDeclines() {
        paypal.nextCaptureDeclined();
    }

    @Override
    public void nextPaymentSettlesLater() {
        paypal.nextCapturePending();
    }

    /**
     * Not offered to the contract: its case expects the status query to find the late order by the
     * attempt id, and PayPal has no way to look an order up by ours. What the plugin does instead
     * (UNKNOWN, then DECLINED: the payer never got the approval link) is {@link PayPalPaymentFlowTest}'s.
     */
    @Override
    public void nextPaymentAnswersLate(Duration delay) {
        throw new UnsupportedOperationException("PayPal cannot look an order up by the attempt id");
    }

    @Override
    public void nextPaymentFailsWithServerError() {
        paypal.failNextOrderWith500();
    }

    /** The payer approves the order on PayPal's page. */
    @Override
    public void customerCompletes(PaymentResult started) {
        paypal.approve(started.gatewayReference());
    }

    @Override
    public void expireHostedPage(String gatewayReference) {
        paypal.expire(gatewayReference);
    }

    @Override
    public void settle(String gatewayReference) {
        paypal.settle(gatewayReference);
    }

    @Override
    public WebhookRequest paymentWebhook(String gatewayReference, Instant signedAt) {
        return paypal.paymentEvent(gatewayReference, signedAt);
    }

    @Override
    public void nextRefundSettlesLater() {
        paypal.nextRefundPending();
    }

    @Override
    public void settleRefund(String gatewayReference) {
        paypal.settleRefund(gatewayReference);
    }

    @Override
    public OptionalLong chargedAmount(String gatewayReference) {
        return paypal.orderAmount(gatewayReference);
    }

    @Override
    public OptionalLong refundedAmount(String gatewayReference) {
        return paypal.refundAmount(gatewayReference);
    }
}
