package dev.kassa.plugin.paypal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SavedMethodDetails;
import java.util.Map;

/**
 * Payments as Orders v2: an order with intent {@code CAPTURE}, created with the attempt id as
 * {@code PayPal-Request-Id} and as the purchase unit's {@code custom_id}; the payer approves it on
 * PayPal's page; the plugin captures it the first time it sees it {@code APPROVED} (a status query
 * after the payer's return, or the {@code CHECKOUT.ORDER.APPROVED} webhook), with
 * {@code capture-<order id>} as {@code PayPal-Request-Id} so that two nodes capturing at once
 * capture once.
 *
 * <p>The order's outcome is its capture's: {@code COMPLETED} (or since refunded) is SUCCEEDED with
 * the captured amount; {@code PENDING} stays PENDING until {@code PAYMENT.CAPTURE.COMPLETED} or a
 * later status query; {@code DECLINED}/{@code FAILED} are DECLINED with PayPal's reason. An order
 * the payer has not approved yet is ACTION_REQUIRED with the approval link; one PayPal no longer
 * knows (unapproved orders expire) or {@code VOIDED} is DECLINED.
 */
final class PayPalOrders {
    static final String ORDERS = "/v2/checkout/orders";

    private final PayPalApi api;

    PayPalOrders(PayPalApi api) {
        this.api = api;
    }

    PaymentResult pay(PaymentRequest request) {
        if (!PayPalCurrencies.represents(request.amount())) {
            return PaymentResult.declined(null, "currency_not_supported",
                    "PayPal cannot take exactly " + request.amount()).withAttemptId(request.attemptId());
        }
        try {
            PayPalApi.Reply reply = api.post(ORDERS, request.attemptId(), orderBody(request));
            if (!reply.ok()) {
                return PaymentResult.declined(null, reply.issue(), reply.message()).withAttemptId(request.attemptId());
            }
            return read(reply.body(), request.attemptId());
        } catch (PayPalApi.Refused e) {
            return PaymentResult.declined(null, e.code(), e.getMessage()).withAttemptId(request.attemptId());
        } catch (PayPalApi.Unanswered e) {
            return PaymentResult.unknown(null, e.getMessage()).withAttemptId(request.attemptId());
        }
    }

    /** An off-session payment with a vaulted PayPal account: created and captured at once, no payer in sight. */
    PaymentResult payWithVault(PaymentRequest request) {
        if (!PayPalCurrencies.represents(request.amount())) {
            return PaymentResult.declined(null, "currency_not_supported",
                    "PayPal cannot take exactly " + request.amount()).withAttemptId(request.attemptId());
        }
        JsonObject body = orderBody(request);
        JsonObject paypal = new JsonObject();
        paypal.addProperty("vault_id", request.savedMethodToken());
        JsonObject source = new JsonObject();
        source.add("paypal", paypal);
        body.add("payment_source", source);
        try {
            PayPalApi.Reply reply = api.post(ORDERS, request.attemptId(), body);
            if (!reply.ok()) {
                return PaymentResult.declined(null, reply.issue(), reply.message()).withAttemptId(request.attemptId());
            }
            return read(reply.body(), request.attemptId());
        } catch (PayPalApi.Refused e) {
            return PaymentResult.declined(null, e.code(), e.getMessage()).withAttemptId(request.attemptId());
        } catch (PayPalApi.Unanswered e) {
            return PaymentResult.unknown(null, e.getMessage()).withAttemptId(request.attemptId());
        }
    }

    /**
     * Where an order stands, capturing it when the payer has approved it.
     *
     * <p>Without an order id the create call never got an answer, so the payer never got the approval
     * link: no money can move for this attempt (PayPal takes nothing from an order nobody approved, and
     * expires it), and the answer is DECLINED.
     */
    PaymentResult status(String orderId, String attemptId) {
        if (orderId == null) {
            return PaymentResult.declined(null, "order_not_created",
                    "PayPal never answered the order's creation, so the payer could not approve it")
                    .withAttemptId(attemptId);
        }
        try {
            PayPalApi.Reply reply = api.get(ORDERS + "/" + orderId);
            if (reply.status() == 404) {
                return PaymentResult.declined(orderId, "order_expired",
                        "PayPal no longer knows the order: the payer did not approve it in time").withAttemptId(attemptId);
            }
            if (!reply.ok()) {
                return PaymentResult.unknown(orderId, reply.message()).withAttemptId(attemptId);
            }
            return read(reply.body(), attemptId);
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return PaymentResult.unknown(orderId, e.getMessage()).withAttemptId(attemptId);
        }
    }

    /** An order as PayPal returned it, captured first if it is {@code APPROVED}. */
    PaymentResult read(JsonObject order, String attemptId) {
        String id = Json.string(order, "id");
        String attempt = attemptId != null ? attemptId : Json.string(Json.first(order, "purchase_units"), "custom_id");
        String status = String.valueOf(Json.string(order, "status"));
        PaymentResult result;
        switch (status) {
            case "CREATED":
            case "SAVED":
            case "PAYER_ACTION_REQUIRED":
                result = approval(order, id);
                break;
            case "APPROVED":
                result = capture(id, attempt);
                break;
            case "COMPLETED":
                result = completed(order, id);
                break;
            case "VOIDED":
                result = PaymentResult.declined(id, "order_voided", "PayPal voided the order");
                break;
            default:
                result = PaymentResult.unknown(id, "PayPal order status " + status);
        }
        return attempt == null ? result : result.withAttemptId(attempt);
    }

    private PaymentResult approval(JsonObject order, String id) {
        String link = Json.link(order, "payer-action");
        if (link == null) {
            link = Json.link(order, "approve");
        }
        if (link == null) {
            return PaymentResult.unknown(id, "PayPal gave no approval link");
        }
        return PaymentResult.actionRequired(id, NextAction.redirect(link, Map.of("orderId", id)));
    }

    private PaymentResult capture(String orderId, String attempt) {
        PayPalApi.Reply reply = api.post(ORDERS + "/" + orderId + "/capture", "capture-" + orderId, new JsonObject());
        if (reply.ok()) {
            return completed(reply.body(), orderId);
        }
        String issue = reply.issue();
        if ("ORDER_ALREADY_CAPTURED".equals(issue)) {
            PayPalApi.Reply again = api.get(ORDERS + "/" + orderId);
            return again.ok() ? completed(again.body(), orderId) : PaymentResult.unknown(orderId, again.message());
        }
        if ("ORDER_NOT_APPROVED".equals(issue) || "PAYER_ACTION_REQUIRED".equals(issue)) {
            PayPalApi.Reply again = api.get(ORDERS + "/" + orderId);
            return again.ok() ? approval(again.body(), orderId) : PaymentResult.unknown(orderId, again.message());
        }
        return PaymentResult.declined(orderId, issue, reply.message());
    }

    private PaymentResult completed(JsonObject order, String orderId) {
        JsonObject capture = Json.last(Json.first(order, "purchase_units"), "payments", "captures");
        if (capture == null) {
            return PaymentResult.unknown(orderId, "the completed order names no capture");
        }
        String status = String.valueOf(Json.string(capture, "status"));
        String reason = Json.string(capture, "status_details", "reason");
        PaymentResult result;
        switch (status) {
            case "COMPLETED":
            case "PARTIALLY_REFUNDED":
            case "REFUNDED":
                result = PaymentResult.succeeded(orderId, PayPalCurrencies.amount(
                        Json.string(capture, "amount", "currency_code"), Json.string(capture, "amount", "value")));
                break;
            case "PENDING":
                result = new PaymentResult(Outcome.PENDING, orderId, null, null, null,
                        reason == null ? "PENDING" : reason, "PayPal holds the capture: " + (reason == null
                        ? "pending" : reason), null, null);
                break;
            case "DECLINED":
            case "FAILED":
                String processor = Json.string(capture, "processor_response", "response_code");
                result = PaymentResult.declined(orderId, reason != null ? reason : "capture_" + status.toLowerCase(),
                        "PayPal " + status.toLowerCase() + " the capture" + (processor == null ? ""
                                : " (processor response " + processor + ")"));
                break;
            default:
                result = PaymentResult.unknown(orderId, "PayPal capture status " + status);
        }
        SavedMethodDetails vaulted = vaulted(order);
        if (vaulted == null) {
            return result;
        }
        String customer = Json.string(order, "payment_source", "paypal", "attributes", "vault", "customer", "id");
        result = result.withSavedMethod(vaulted);
        return customer == null ? result : result.withCustomerReference(customer);
    }

    /** The PayPal account the order saved in the vault ({@code store_in_vault}), else null. */
    static SavedMethodDetails vaulted(JsonObject order) {
        JsonObject vault = Json.object(order, "payment_source", "paypal", "attributes", "vault");
        String id = Json.string(vault, "id");
        if (id == null || !"VAULTED".equals(Json.string(vault, "status"))) {
            return null;
        }
        return new SavedMethodDetails(id, "paypal", null, 0, 0);
    }

    private static JsonObject orderBody(PaymentRequest request) {
        Amount amount = request.amount();
        JsonObject value = new JsonObject();
        value.addProperty("currency_code", amount.currency());
        value.addProperty("value", PayPalCurrencies.value(amount));
        JsonObject unit = new JsonObject();
        unit.addProperty("reference_id", "default");
        unit.addProperty("custom_id", request.attemptId());
        if (request.reference() != null) {
            unit.addProperty("soft_descriptor", softDescriptor(request.reference()));
        }
        if (request.description() != null) {
            unit.addProperty("description", truncate(request.description(), 127));
        }
        unit.add("amount", value);
        JsonArray units = new JsonArray();
        units.add(unit);
        JsonObject body = new JsonObject();
        body.addProperty("intent", "CAPTURE");
        body.add("purchase_units", units);
        if (request.savedMethodToken() == null) {
            body.add("payment_source", paypalSource(request));
        }
        return body;
    }

    private static JsonObject paypalSource(PaymentRequest request) {
        JsonObject experience = new JsonObject();
        experience.addProperty("shipping_preference", "NO_SHIPPING");
        experience.addProperty("user_action", "PAY_NOW");
        experience.addProperty("payment_method_preference", "IMMEDIATE_PAYMENT_REQUIRED");
        if (request.returnUrl() != null) {
            experience.addProperty("return_url", request.returnUrl());
            experience.addProperty("cancel_url", request.cancelUrl() != null ? request.cancelUrl() : request.returnUrl());
        }
        // No locale: PayPal takes only the language-country pairs it supports (a French speaker in
        // Germany, fr-DE, is not one), and picks the payer's language from the browser by itself.
        JsonObject paypal = new JsonObject();
        paypal.add("experience_context", experience);
        if (request.customer().email() != null) {
            paypal.addProperty("email_address", request.customer().email());
        }
        if (request.saveMethod()) {
            JsonObject vault = new JsonObject();
            vault.addProperty("store_in_vault", "ON_SUCCESS");
            vault.addProperty("usage_type", "MERCHANT");
            vault.addProperty("customer_type", "CONSUMER");
            vault.addProperty("permit_multiple_payment_tokens", true);
            JsonObject attributes = new JsonObject();
            attributes.add("vault", vault);
            if (request.customer().gatewayReference() != null) {
                JsonObject customer = new JsonObject();
                customer.addProperty("id", request.customer().gatewayReference());
                attributes.add("customer", customer);
            }
            paypal.add("attributes", attributes);
        }
        JsonObject source = new JsonObject();
        source.add("paypal", paypal);
        return source;
    }

    /** What PayPal shows on the payer's card statement after the merchant's name: at most 22 characters. */
    private static String softDescriptor(String reference) {
        return truncate(reference.replaceAll("[^A-Za-z0-9 .-]", ""), 22);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
