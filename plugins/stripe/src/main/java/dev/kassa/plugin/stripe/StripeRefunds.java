package dev.kassa.plugin.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;

/** Refunds of PaymentIntents, keyed by the platform's refund id. */
final class StripeRefunds {
    private final StripeAccount account;

    StripeRefunds(StripeAccount account) {
        this.account = account;
    }

    /** Refunds the amount in Stripe's units; one Stripe cannot take exactly FAILED, without asking Stripe. */
    RefundResult refund(RefundRequest request) {
        String why = StripeUnits.whyNot(request.amount());
        if (why != null) {
            return RefundResult.failed(null, StripeUnits.NOT_REPRESENTABLE, why).withRefundId(request.refundId());
        }
        try {
            RefundCreateParams params = RefundCreateParams.builder()
                    .setPaymentIntent(request.paymentReference())
                    .setAmount(StripeUnits.toStripe(request.amount()).orElseThrow())
                    .putAllMetadata(request.metadata())
                    .putMetadata(MetadataKeys.REFUND, request.refundId())
                    .build();
            Refund refund = account.client().refunds().create(params, StripeAccount.idempotent(request.refundId()));
            return RefundMapping.map(refund).withRefundId(request.refundId());
        } catch (StripeException e) {
            account.failed("refund", e);
            RefundResult result = StripeFailures.kind(e) == StripeFailures.Kind.DECLINED
                    ? RefundResult.failed(null, StripeFailures.code(e), StripeFailures.message(e))
                    : RefundResult.unknown(null, StripeFailures.message(e));
            return result.withRefundId(request.refundId());
        }
    }

    RefundResult status(String gatewayReference) {
        try {
            return RefundMapping.map(account.client().refunds().retrieve(gatewayReference));
        } catch (StripeException e) {
            account.failed("refund status", e);
            return RefundResult.unknown(gatewayReference, StripeFailures.message(e));
        }
    }
}
