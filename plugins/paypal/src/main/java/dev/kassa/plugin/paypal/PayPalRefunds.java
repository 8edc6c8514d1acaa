package dev.kassa.plugin.paypal;

import com.google.gson.JsonObject;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;

/**
 * Refunds of an order's capture, full or partial, with the platform's refund id as
 * {@code PayPal-Request-Id} and as the refund's {@code custom_id}. A refund PayPal holds
 * ({@code PENDING}, for example while the merchant's balance is short) stays PENDING until
 * {@code PAYMENT.CAPTURE.REFUNDED} or a status query says otherwise.
 */
final class PayPalRefunds {
    static final String REFUNDS = "/v2/payments/refunds/";

    private final PayPalApi api;

    PayPalRefunds(PayPalApi api) {
        this.api = api;
    }

    RefundResult refund(RefundRequest request) {
        try {
            PayPalApi.Reply order = api.get(PayPalOrders.ORDERS + "/" + request.paymentReference());
            if (!order.ok()) {
                return order.status() == 404
                        ? RefundResult.failed(null, "order_not_found", "PayPal does not know the order")
                                .withRefundId(request.refundId())
                        : RefundResult.unknown(null, order.message()).withRefundId(request.refundId());
            }
            JsonObject capture = Json.last(Json.first(order.body(), "purchase_units"), "payments", "captures");
            String captureId = Json.string(capture, "id");
            if (captureId == null) {
                return RefundResult.failed(null, "not_captured", "the order has no capture to refund")
                        .withRefundId(request.refundId());
            }
            JsonObject amount = new JsonObject();
            amount.addProperty("currency_code", request.amount().currency());
            amount.addProperty("value", PayPalCurrencies.value(request.amount()));
            JsonObject body = new JsonObject();
            body.add("amount", amount);
            body.addProperty("custom_id", request.refundId());
            if (request.reference() != null) {
                body.addProperty("note_to_payer", "Refund " + request.reference());
            }
            PayPalApi.Reply reply = api.post("/v2/payments/captures/" + captureId + "/refund", request.refundId(), body);
            if (!reply.ok()) {
                return RefundResult.failed(null, reply.issue(), reply.message()).withRefundId(request.refundId());
            }
            return read(reply.body()).withRefundId(request.refundId());
        } catch (PayPalApi.Refused e) {
            return RefundResult.failed(null, e.code(), e.getMessage()).withRefundId(request.refundId());
        } catch (PayPalApi.Unanswered e) {
            return RefundResult.unknown(null, e.getMessage()).withRefundId(request.refundId());
        }
    }

    RefundResult status(String refundId) {
        try {
            PayPalApi.Reply reply = api.get(REFUNDS + refundId);
            if (!reply.ok()) {
                return RefundResult.unknown(refundId, reply.message());
            }
            return read(reply.body());
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return RefundResult.unknown(refundId, e.getMessage());
        }
    }

    /** A refund resource as PayPal returns it (also the resource of {@code PAYMENT.CAPTURE.REFUNDED}). */
    static RefundResult read(JsonObject refund) {
        String id = Json.string(refund, "id");
        String status = String.valueOf(Json.string(refund, "status"));
        String reason = Json.string(refund, "status_details", "reason");
        RefundResult result;
        switch (status) {
            case "COMPLETED":
                result = RefundResult.succeeded(id);
                break;
            case "PENDING":
                result = new RefundResult(dev.kassa.api.payment.Outcome.PENDING, id, null,
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
        String customId = Json.string(refund, "custom_id");
        return customId == null ? result : result.withRefundId(customId);
    }
}
