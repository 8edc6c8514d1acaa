package dev.kassa.plugin.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import com.paypal.sdk.models.CapturedPayment;
import com.paypal.sdk.models.GetCapturedPaymentInput;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.PaymentTokenResponse;
import com.paypal.sdk.models.Refund;
import com.paypal.sdk.models.RefundStatus;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.Reversal;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookEvent;
import java.nio.charset.StandardCharsets;

/**
 * A verified webhook read into what it says, never taking the delivery's word for it: the order
 * (or refund) it names is fetched again from PayPal with the tenant's credentials, and that answer
 * is what the platform applies. An order or refund the tenant's PayPal app does not know (404) is
 * not the tenant's, and neither is an order paid to another merchant than the tenant's
 * {@code merchantId} (when set): both are refused.
 *
 * <p>Vault events name a payment token: {@code VAULT.PAYMENT-TOKEN.CREATED} is applied only when
 * the token, fetched again, is the tenant's (a 404 refuses the delivery); {@code
 * VAULT.PAYMENT-TOKEN.DELETED} only when fetching it again finds it gone (a token PayPal still
 * holds is not removed on a delivery's word). {@code PAYMENT.CAPTURE.REVERSED} (a chargeback, or
 * PayPal taking the money back) names a refund-shaped reversal: it, its capture and the capture's
 * order are fetched again, as for any payment event.
 *
 * <p>When PayPal cannot be reached to fetch it, the delivery fails (the platform answers 500) so that
 * PayPal delivers it again later: answering it would mark the event as applied.
 */
final class PayPalEvents {
    private final PayPalApi api;
    private final MethodContext context;

    PayPalEvents(PayPalApi api, MethodContext context) {
        this.api = api;
        this.context = context;
    }

    WebhookEvent read(byte[] body) {
        JsonNode event = Json.parse(new String(body, StandardCharsets.UTF_8));
        if (event == null) {
            throw new InvalidWebhookException("the body is not a PayPal event");
        }
        String id = Json.string(event, "id");
        String type = Json.string(event, "event_type");
        if (id == null || type == null) {
            throw new InvalidWebhookException("the body is not a PayPal event");
        }
        JsonNode resource = Json.object(event, "resource");
        try {
            switch (type) {
                case "CHECKOUT.ORDER.APPROVED":
                case "CHECKOUT.ORDER.COMPLETED":
                case "CHECKOUT.PAYMENT-APPROVAL.REVERSED":
                    return order(id, type, Json.string(resource, "id"));
                case "PAYMENT.CAPTURE.COMPLETED":
                case "PAYMENT.CAPTURE.PENDING":
                case "PAYMENT.CAPTURE.DENIED":
                case "PAYMENT.CAPTURE.DECLINED":
                    return order(id, type, orderOfCapture(resource));
                case "PAYMENT.CAPTURE.REFUNDED":
                    return refund(id, type, Json.string(resource, "id"));
                case "PAYMENT.CAPTURE.REVERSED":
                    return reversal(id, type, Json.string(resource, "id"));
                case "VAULT.PAYMENT-TOKEN.CREATED":
                    return tokenCreated(id, type, Json.string(resource, "id"));
                case "VAULT.PAYMENT-TOKEN.DELETED":
                    return tokenDeleted(id, type, Json.string(resource, "id"));
                default:
                    return WebhookEvent.ignored(id, type);
            }
        } catch (PayPalApi.Unanswered | PayPalApi.Refused e) {
            throw new IllegalStateException("PayPal could not be asked about event " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The order a capture belongs to: named in the capture's {@code supplementary_data}, or, in
     * events that leave it out, in the capture fetched from PayPal. A capture of an authorization
     * rather than an order (not one of Kassa's) has none.
     */
    private String orderOfCapture(JsonNode capture) {
        String orderId = Json.string(capture, "supplementary_data", "related_ids", "order_id");
        String captureId = Json.string(capture, "id");
        if (orderId != null || captureId == null) {
            return orderId;
        }
        return orderOfCapture(captureId);
    }

    private String orderOfCapture(String captureId) {
        PayPalApi.Reply<CapturedPayment> reply = api.call(client -> client.getPaymentsController()
                .getCapturedPayment(new GetCapturedPaymentInput.Builder(captureId).build()));
        if (reply.status() == 404) {
            throw new InvalidWebhookException("the event names a capture this tenant's PayPal app does not know");
        }
        if (!reply.ok()) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        CapturedPayment fetched = reply.result();
        return fetched.getSupplementaryData() == null || fetched.getSupplementaryData().getRelatedIds() == null
                ? null : fetched.getSupplementaryData().getRelatedIds().getOrderId();
    }

    private WebhookEvent order(String eventId, String type, String orderId) {
        if (orderId == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        PayPalOrders orders = new PayPalOrders(api);
        PayPalApi.Reply<Order> reply = orders.get(orderId);
        if (reply.status() == 404) {
            throw new InvalidWebhookException("the event names an order this tenant's PayPal app does not know");
        }
        if (!reply.ok()) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        String merchant = context.credential(PayPalCredentials.MERCHANT_ID).filter(m -> !m.isEmpty()).orElse(null);
        String payee = PayPalOrders.payee(reply.result());
        if (merchant != null && payee != null && !merchant.equals(payee)) {
            throw new InvalidWebhookException("the order was paid to another merchant than the tenant's");
        }
        return WebhookEvent.payment(eventId, type, orders.read(reply.result(), null));
    }

    private WebhookEvent refund(String eventId, String type, String refundId) {
        if (refundId == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        PayPalApi.Reply<Refund> reply = new PayPalRefunds(api).get(refundId);
        if (reply.status() == 404) {
            throw new InvalidWebhookException("the event names a refund this tenant's PayPal app does not know");
        }
        if (!reply.ok()) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        return WebhookEvent.refund(eventId, type, PayPalRefunds.read(reply.result()));
    }

    /**
     * A reversal: its resource is refund-shaped (PayPal's sample has {@code resource_type} {@code
     * refund}), with an {@code up} link to the capture taken back. Only a {@code COMPLETED} one has
     * taken money.
     */
    private WebhookEvent reversal(String eventId, String type, String reversalId) {
        if (reversalId == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        PayPalApi.Reply<Refund> reply = new PayPalRefunds(api).get(reversalId);
        if (reply.status() == 404) {
            throw new InvalidWebhookException("the event names a reversal this tenant's PayPal app does not know");
        }
        if (!reply.ok()) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        Refund reversal = reply.result();
        String up = PayPalOrders.link(reversal.getLinks(), "up");
        String captureId = up == null ? null : up.substring(up.lastIndexOf('/') + 1);
        if (captureId == null || captureId.isEmpty() || reversal.getStatus() != RefundStatus.COMPLETED) {
            return WebhookEvent.ignored(eventId, type);
        }
        WebhookEvent order = order(eventId, type, orderOfCapture(captureId));
        if (order.payment() == null) {
            return order;
        }
        PaymentResult payment = order.payment();
        String note = reversal.getNoteToPayer();
        String value = reversal.getAmount() == null ? null : reversal.getAmount().getValue();
        if (value == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        // Some of PayPal's samples show the amount taken back as negative: what matters is how much.
        value = value.startsWith("-") ? value.substring(1) : value;
        return WebhookEvent.reversal(eventId, type, new Reversal(payment.gatewayReference(), payment.attemptId(),
                reversalId, PayPalCurrencies.amount(reversal.getAmount().getCurrencyCode(), value),
                "reversed",
                note == null ? "PayPal reversed the payment" : "PayPal reversed the payment: " + note));
    }

    /**
     * A PayPal account saved in the vault: as a saved method of the set-up or order it came from
     * ({@code metadata.order_id} when a payment with {@code store_in_vault} saved it; the set-up
     * reference is then that order's id), with the customer id PayPal filed it under.
     */
    private WebhookEvent tokenCreated(String eventId, String type, String tokenId) {
        if (tokenId == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        PayPalApi.Reply<PaymentTokenResponse> reply = new PayPalVault(api).paymentToken(tokenId);
        if (reply.status() == 404) {
            throw new InvalidWebhookException("the event names a payment token this tenant's PayPal app does not know");
        }
        if (!reply.ok()) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        PaymentTokenResponse token = reply.result();
        if (token.getPaymentSource() == null || token.getPaymentSource().getPaypal() == null) {
            return WebhookEvent.ignored(eventId, type); // a card or another wallet: not saved through Kassa's PayPal
        }
        // The SDK's PaymentTokenResponse has no metadata: the order that saved the account is read from
        // the same answer's raw JSON.
        String orderId = Json.string(api.lastBody(), "metadata", "order_id");
        SetupResult saved = SetupResult.succeeded(orderId, new SavedMethodDetails(tokenId, "paypal", null, 0, 0));
        String customer = token.getCustomer() == null ? null : token.getCustomer().getId();
        return WebhookEvent.setup(eventId, type, customer == null ? saved : saved.withCustomerReference(customer));
    }

    private WebhookEvent tokenDeleted(String eventId, String type, String tokenId) {
        if (tokenId == null) {
            return WebhookEvent.ignored(eventId, type);
        }
        PayPalApi.Reply<PaymentTokenResponse> reply = new PayPalVault(api).paymentToken(tokenId);
        if (reply.ok()) {
            return WebhookEvent.ignored(eventId, type); // PayPal still holds it: the delivery is stale or not true
        }
        if (reply.status() != 404) {
            throw new PayPalApi.Unanswered(reply.message(), null);
        }
        return WebhookEvent.setup(eventId, type, SetupResult.revoked(new SavedMethodDetails(tokenId, "paypal", null, 0,
                0), "removed_at_gateway", "The PayPal account was removed from the vault at PayPal."));
    }
}
