package dev.kassa.plugin.paypal;

import com.paypal.sdk.models.GetRefundInput;
import com.paypal.sdk.models.Money;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.OrdersCapture;
import com.paypal.sdk.models.Refund;
import com.paypal.sdk.models.RefundCapturedPaymentInput;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.RefundResult;

/**
 * Refunds of an order's capture, full or partial, through the SDK's {@code PaymentsController}, with
 * the platform's refund id as {@code PayPal-Request-Id} and as the refund's {@code custom_id}. A refund
 * PayPal holds ({@code PENDING}, for example while the merchant's balance is short) stays PENDING until
 * {@code PAYMENT.CAPTURE.REFUNDED} or a status query says otherwise.
 */
final class PayPalRefunds {
    private final PayPalApi api;

    PayPalRefunds(PayPalApi api) {
        this.api = api;
    }

    RefundResult refund(dev.kassa.api.payment.RefundRequest request) {
        try {
            PayPalApi.Reply<Order> order = new PayPalOrders(api).get(request.paymentReference());
            if (!order.ok()) {
                return order.status() == 404
                        ? RefundResult.failed(null, "order_not_found", "PayPal does not know the order")
                                .withRefundId(request.refundId())
                        : RefundResult.unknown(null, order.message()).withRefundId(request.refundId());
            }
            OrdersCapture capture = PayPalOrders.lastCapture(order.result());
            String captureId = capture == null ? null : capture.getId();
            if (captureId == null) {
                return RefundResult.failed(null, "not_captured", "the order has no capture to refund")
                        .withRefundId(request.refundId());
            }
            com.paypal.sdk.models.RefundRequest.Builder body = new com.paypal.sdk.models.RefundRequest.Builder()
                    .amount(new Money.Builder(request.amount().currency(), PayPalCurrencies.value(request.amount())).build())
                    .customId(request.refundId());
            if (request.reference() != null) {
                body.noteToPayer("Refund " + request.reference());
            }
            PayPalApi.Reply<Refund> reply = api.call(client -> client.getPaymentsController().refundCapturedPayment(
                    new RefundCapturedPaymentInput.Builder(captureId, PayPalOrders.CONTENT_TYPE)
                            .paypalRequestId(request.refundId())
                            .prefer(PayPalOrders.REPRESENTATION)
                            .body(body.build())
                            .build()));
            if (!reply.ok()) {
                return RefundResult.failed(null, reply.issue(), reply.message()).withRefundId(request.refundId());
            }
            return read(reply.result()).withRefundId(request.refundId());
        } catch (PayPalApi.Refused e) {
            return RefundResult.failed(null, e.code(), e.getMessage()).withRefundId(request.refundId());
        } catch (PayPalApi.Unanswered e) {
            return RefundResult.unknown(null, e.getMessage()).withRefundId(request.refundId());
        }
    }

    RefundResult status(String refundId) {
        try {
            PayPalApi.Reply<Refund> reply = get(refundId);
            if (!reply.ok()) {
                return RefundResult.unknown(refundId, reply.message());
            }
            return read(reply.result());
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return RefundResult.unknown(refundId, e.getMessage());
        }
    }

    PayPalApi.Reply<Refund> get(String refundId) {
        return api.call(client -> client.getPaymentsController().getRefund(new GetRefundInput.Builder(refundId).build()));
    }

    /** A refund resource as PayPal returns it (also the resource of {@code PAYMENT.CAPTURE.REFUNDED}). */
    static RefundResult read(Refund refund) {
        String id = refund.getId();
        String status = refund.getStatus() == null ? null : refund.getStatus().value();
        String reason = refund.getStatusDetails() == null || refund.getStatusDetails().getReason() == null
                ? null : refund.getStatusDetails().getReason().value();
        RefundResult result;
        switch (String.valueOf(status)) {
            case "COMPLETED":
                result = RefundResult.succeeded(id);
                break;
            case "PENDING":
                result = new RefundResult(Outcome.PENDING, id, null,
                        reason == null ? "PENDING" : reason, reason == null ? null : "PayPal holds the refund: " + reason);
                break;
            case "FAILED":
            case "CANCELLED":
                result = RefundResult.failed(id, reason != null ? reason : "refund_" + status.toLowerCase(),
                        "PayPal " + status.toLowerCase() + " the refund");
                break;
            default:
                result = RefundResult.unknown(id, "PayPal refund status " + status);
        }
        String customId = refund.getCustomId();
        return customId == null ? result : result.withRefundId(customId);
    }
}
