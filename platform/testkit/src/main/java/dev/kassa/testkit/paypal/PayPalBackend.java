package dev.kassa.testkit.paypal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fake's PayPal account(s): orders, their one capture, refunds, and the scripted outcomes of
 * the next capture and refund. Objects are rendered in the shape of PayPal's Orders v2 and
 * Payments v2 responses (the fields the plugin reads, and a few more). Thread-safe by
 * synchronization on the instance.
 */
final class PayPalBackend {
    /** What the next capture, or refund, does. */
    enum Script { CAPTURE_DECLINED, CAPTURE_PENDING, REFUND_PENDING, VAULT_LATE }

    record Response(int status, JsonObject body) {
    }

    static final class Order {
        final String id;
        final String owner;
        final String currency;
        final String value;
        final String customId;
        final String returnUrl;
        final String cancelUrl;
        final boolean vault;
        final String vaultId;
        String status;
        String captureId;
        String captureStatus;
        String captureReason;
        /** Vaulting asked for, but PayPal saves the account after the capture ({@code vault.status} APPROVED). */
        boolean vaultLate;
        BigDecimal refunded = BigDecimal.ZERO;
        final String createTime;

        Order(String id, String owner, String currency, String value, String customId, String returnUrl,
              String cancelUrl, boolean vault, String vaultId, String status, String createTime) {
            this.id = id;
            this.owner = owner;
            this.currency = currency;
            this.value = value;
            this.customId = customId;
            this.returnUrl = returnUrl;
            this.cancelUrl = cancelUrl;
            this.vault = vault;
            this.vaultId = vaultId;
            this.status = status;
            this.createTime = createTime;
        }
    }

    static final class Refund {
        final String id;
        final String owner;
        final String orderId;
        final String currency;
        final String value;
        final String customId;
        String status;
        /** Set on a reversal (a chargeback): PayPal's words to the payer. */
        String note;

        Refund(String id, String owner, String orderId, String currency, String value, String customId, String status) {
            this.id = id;
            this.owner = owner;
            this.orderId = orderId;
            this.currency = currency;
            this.value = value;
            this.customId = customId;
            this.status = status;
        }
    }

    static final class SetupToken {
        final String id;
        final String owner;
        final String returnUrl;
        final String cancelUrl;
        final String customerId;
        String status = "PAYER_ACTION_REQUIRED";

        SetupToken(String id, String owner, String returnUrl, String cancelUrl, String customerId) {
            this.id = id;
            this.owner = owner;
            this.returnUrl = returnUrl;
            this.cancelUrl = cancelUrl;
            this.customerId = customerId;
        }
    }

    private static final Set<String> WHOLE_UNITS = Set.of("HUF", "TWD", "JPY");

    private final Clock clock;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();
    private final Map<String, SetupToken> setupTokens = new LinkedHashMap<>();
    /** A vaulted PayPal account: whose app, under which customer, saved by which order (else null). */
    record PaymentToken(String owner, String customerId, String orderId) {
    }

    private final Map<String, PaymentToken> paymentTokens = new LinkedHashMap<>();
    private final Deque<Script> vaultScripts = new ArrayDeque<>();
    private final Deque<Script> captureScripts = new ArrayDeque<>();
    private final Deque<Script> refundScripts = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private String base;

    PayPalBackend(Clock clock) {
        this.clock = clock;
    }

    synchronized void base(String base) {
        this.base = base;
    }

    synchronized void reset() {
        orders.clear();
        refunds.clear();
        setupTokens.clear();
        paymentTokens.clear();
        captureScripts.clear();
        refundScripts.clear();
        vaultScripts.clear();
        events.clear();
    }

    synchronized void script(Script script) {
        (script == Script.REFUND_PENDING ? refundScripts : script == Script.VAULT_LATE ? vaultScripts
                : captureScripts).add(script);
    }

    // ---- API

    synchronized Response createOrder(String owner, JsonObject body) {
        JsonObject unit = body.getJsonArray("purchase_units") == null || body.getJsonArray("purchase_units").isEmpty()
                ? null : body.getJsonArray("purchase_units").getJsonObject(0);
        if (!"CAPTURE".equals(body.getString("intent", null)) || unit == null || unit.getJsonObject("amount") == null) {
            return error(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "intent and purchase_units are required");
        }
        JsonObject amount = unit.getJsonObject("amount");
        String currency = amount.getString("currency_code", "");
        String value = amount.getString("value", "");
        if (!validAmount(currency, value)) {
            return error(422, "UNPROCESSABLE_ENTITY", "DECIMAL_PRECISION", "bad amount " + value + " " + currency);
        }
        JsonObject paypal = body.getJsonObject("payment_source") == null ? null
                : body.getJsonObject("payment_source").getJsonObject("paypal");
        JsonObject experience = paypal == null ? null : paypal.getJsonObject("experience_context");
        String vaultId = paypal == null ? null : paypal.getString("vault_id", null);
        boolean vault = paypal != null && paypal.getJsonObject("attributes") != null
                && paypal.getJsonObject("attributes").getJsonObject("vault") != null;
        Order order = new Order(id(17), owner, currency, value, unit.getString("custom_id", null),
                experience == null ? null : experience.getString("return_url", null),
                experience == null ? null : experience.getString("cancel_url", null), vault, vaultId,
                "PAYER_ACTION_REQUIRED", clock.instant().toString());
        orders.put(order.id, order);
        order.vaultLate = vault && vaultScripts.poll() == Script.VAULT_LATE;
        if (vaultId != null) {
            // a vaulted PayPal account pays at once, without the payer
            order.status = "APPROVED";
            capture(order);
            return new Response(201, render(order));
        }
        return new Response(200, render(order));
    }

    synchronized Response getOrder(String owner, String id) {
        Order order = orders.get(id);
        if (order == null || !order.owner.equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        return new Response(200, render(order));
    }

    synchronized Response captureOrder(String owner, String id) {
        Order order = orders.get(id);
        if (order == null || !order.owner.equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        if ("COMPLETED".equals(order.status)) {
            return error(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured.");
        }
        if (!"APPROVED".equals(order.status)) {
            return error(422, "UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order.");
        }
        capture(order);
        return new Response(201, render(order));
    }

    private void capture(Order order) {
        Script script = captureScripts.poll();
        order.status = "COMPLETED";
        order.captureId = id(17);
        if (script == Script.CAPTURE_DECLINED) {
            order.captureStatus = "DECLINED";
            order.captureReason = null;
        } else if (script == Script.CAPTURE_PENDING) {
            order.captureStatus = "PENDING";
            order.captureReason = "PENDING_REVIEW";
        } else {
            order.captureStatus = "COMPLETED";
        }
        if (order.vault && !order.vaultLate && "COMPLETED".equals(order.captureStatus)) {
            paymentTokens.put(vaultToken(order), new PaymentToken(order.owner, "fakecustomer1", order.id));
        }
    }

    private static String vaultToken(Order order) {
        return "vt" + order.id.toLowerCase();
    }

    synchronized Response refundCapture(String owner, String captureId, JsonObject body) {
        Order order = orders.values().stream().filter(o -> captureId.equals(o.captureId) && o.owner.equals(owner))
                .findFirst().orElse(null);
        if (order == null) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        if (!"COMPLETED".equals(order.captureStatus) && !"PARTIALLY_REFUNDED".equals(order.captureStatus)) {
            return error(422, "UNPROCESSABLE_ENTITY", "CAPTURE_FULLY_REFUNDED", "The capture cannot be refunded.");
        }
        JsonObject amount = body.getJsonObject("amount");
        String value = amount == null ? order.value : amount.getString("value", "");
        String currency = amount == null ? order.currency : amount.getString("currency_code", "");
        if (!currency.equals(order.currency) || !validAmount(currency, value)) {
            return error(422, "UNPROCESSABLE_ENTITY", "DECIMAL_PRECISION", "bad amount " + value + " " + currency);
        }
        BigDecimal total = new BigDecimal(order.value);
        BigDecimal after = order.refunded.add(new BigDecimal(value));
        if (after.compareTo(total) > 0) {
            return error(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED", "The refund amount is too high.");
        }
        order.refunded = after;
        order.captureStatus = after.compareTo(total) == 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
        String status = refundScripts.poll() == Script.REFUND_PENDING ? "PENDING" : "COMPLETED";
        Refund refund = new Refund(id(17), owner, order.id, currency, value, body.getString("custom_id", null), status);
        refunds.put(refund.id, refund);
        return new Response(201, render(refund));
    }

    synchronized Response getCapture(String owner, String captureId) {
        Order order = orders.values().stream().filter(o -> captureId.equals(o.captureId) && o.owner.equals(owner))
                .findFirst().orElse(null);
        if (order == null) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        return new Response(200, renderCapture(order));
    }

    synchronized Response getRefund(String owner, String id) {
        Refund refund = refunds.get(id);
        if (refund == null || !refund.owner.equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        return new Response(200, render(refund));
    }

    synchronized Response createSetupToken(String owner, JsonObject body) {
        JsonObject paypal = body.getJsonObject("payment_source") == null ? null
                : body.getJsonObject("payment_source").getJsonObject("paypal");
        if (paypal == null) {
            return error(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "payment_source.paypal is required");
        }
        JsonObject experience = paypal.getJsonObject("experience_context");
        JsonObject customer = body.getJsonObject("customer");
        SetupToken token = new SetupToken(id(17), owner, experience == null ? null : experience.getString("return_url", null),
                experience == null ? null : experience.getString("cancel_url", null),
                customer == null ? "fakecustomer" + id(6).toLowerCase() : customer.getString("id"));
        setupTokens.put(token.id, token);
        return new Response(201, render(token));
    }

    synchronized Response getSetupToken(String owner, String id) {
        SetupToken token = setupTokens.get(id);
        if (token == null || !token.owner.equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        return new Response(200, render(token));
    }

    synchronized Response createPaymentToken(String owner, JsonObject body) {
        JsonObject source = body.getJsonObject("payment_source");
        JsonObject ref = source == null ? null : source.getJsonObject("token");
        SetupToken token = ref == null ? null : setupTokens.get(ref.getString("id", ""));
        if (token == null || !token.owner.equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        if (!"APPROVED".equals(token.status)) {
            return error(422, "UNPROCESSABLE_ENTITY", "TOKEN_NOT_APPROVED", "The setup token is not approved.");
        }
        token.status = "TOKENIZED";
        String id = id(7).toLowerCase();
        paymentTokens.put(id, new PaymentToken(owner, token.customerId, null));
        return new Response(201, Json.createObjectBuilder().add("id", id)
                .add("customer", Json.createObjectBuilder().add("id", token.customerId))
                .add("payment_source", Json.createObjectBuilder().add("paypal", Json.createObjectBuilder()
                        .add("email_address", "payer@example.com")))
                .build());
    }

    synchronized Response getPaymentToken(String owner, String id) {
        PaymentToken token = paymentTokens.get(id);
        if (token == null || !token.owner().equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        return new Response(200, renderPaymentToken(id));
    }

    /** A payment token as {@code GET /v3/vault/payment-tokens/{id}} and the vault events show it. */
    synchronized JsonObject renderPaymentToken(String id) {
        PaymentToken token = paymentTokens.get(id);
        JsonObjectBuilder body = Json.createObjectBuilder().add("id", id)
                .add("customer", Json.createObjectBuilder().add("id", token.customerId()))
                .add("payment_source", Json.createObjectBuilder().add("paypal", Json.createObjectBuilder()
                        .add("usage_type", "MERCHANT").add("customer_type", "CONSUMER")
                        .add("email_address", "payer@example.com").add("payer_id", "FAKEPAYER0001")))
                .add("links", Json.createArrayBuilder()
                        .add(link(base + "/v3/vault/payment-tokens/" + id, "self", "GET"))
                        .add(link(base + "/v3/vault/payment-tokens/" + id, "delete", "DELETE")));
        if (token.orderId() != null) {
            body.add("metadata", Json.createObjectBuilder().add("order_id", token.orderId()));
        }
        return body.build();
    }

    /** PayPal saves the account of an order whose vaulting came late: the payment token's id. */
    synchronized String vaultNow(String orderId) {
        Order order = required(orderId);
        if (!order.vaultLate || !"COMPLETED".equals(order.captureStatus)) {
            throw new IllegalStateException("order " + orderId + " has no vaulting under way");
        }
        order.vaultLate = false;
        paymentTokens.put(vaultToken(order), new PaymentToken(order.owner, "fakecustomer1", order.id));
        return vaultToken(order);
    }

    /** The payer removes the saved account at PayPal. */
    synchronized void forgetPaymentToken(String id) {
        paymentTokens.remove(id);
    }

    /** PayPal takes the whole capture back (a chargeback): the reversal's id. */
    synchronized String reverse(String orderId) {
        Order order = required(orderId);
        BigDecimal left = new BigDecimal(order.value).subtract(order.refunded);
        order.refunded = new BigDecimal(order.value);
        order.captureStatus = "REFUNDED";
        Refund reversal = new Refund(id(17), order.owner, order.id, order.currency,
                left.setScale(new BigDecimal(order.value).scale()).toPlainString(), null, "COMPLETED");
        reversal.note = "Payment reversed";
        refunds.put(reversal.id, reversal);
        return reversal.id;
    }

    synchronized Response deletePaymentToken(String owner, String id) {
        PaymentToken held = paymentTokens.get(id);
        if (held == null || !held.owner().equals(owner)) {
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        }
        paymentTokens.remove(id);
        return new Response(204, Json.createObjectBuilder().build());
    }

    synchronized Optional<SetupToken> setupToken(String id) {
        return Optional.ofNullable(setupTokens.get(id));
    }

    synchronized boolean approveSetup(String id) {
        SetupToken token = setupTokens.get(id);
        if (token == null || !"PAYER_ACTION_REQUIRED".equals(token.status)) {
            return false;
        }
        token.status = "APPROVED";
        return true;
    }

    synchronized boolean hasPaymentToken(String id) {
        return paymentTokens.containsKey(id);
    }

    private JsonObject render(SetupToken token) {
        JsonArrayBuilder links = Json.createArrayBuilder()
                .add(link(base + "/v3/vault/setup-tokens/" + token.id, "self", "GET"));
        if ("PAYER_ACTION_REQUIRED".equals(token.status)) {
            links.add(link(base + PayPalApprovalPage.PATH + "?token=" + token.id, "approve", "GET"));
        }
        return Json.createObjectBuilder().add("id", token.id)
                .add("customer", Json.createObjectBuilder().add("id", token.customerId))
                .add("status", token.status)
                .add("payment_source", Json.createObjectBuilder().add("paypal", Json.createObjectBuilder()
                        .add("usage_type", "MERCHANT")))
                .add("links", links).build();
    }

    // ---- the payer and the banks

    synchronized Optional<Order> order(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** The payer approves the order on PayPal's page. */
    synchronized boolean approve(String id) {
        Order order = orders.get(id);
        if (order == null || !"PAYER_ACTION_REQUIRED".equals(order.status)) {
            return false;
        }
        order.status = "APPROVED";
        return true;
    }

    synchronized void expire(String id) {
        orders.remove(id);
    }

    synchronized void settle(String orderId) {
        Order order = required(orderId);
        if ("PENDING".equals(order.captureStatus)) {
            order.captureStatus = "COMPLETED";
            order.captureReason = null;
        }
    }

    synchronized void deny(String orderId) {
        Order order = required(orderId);
        order.captureStatus = "DECLINED";
        order.captureReason = null;
    }

    synchronized void settleRefund(String refundId) {
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            throw new IllegalArgumentException("no refund " + refundId);
        }
        refund.status = "COMPLETED";
    }

    synchronized Optional<Refund> refund(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    private Order required(String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        return order;
    }

    // ---- rendering

    synchronized JsonObject render(Order order) {
        JsonObjectBuilder unit = Json.createObjectBuilder()
                .add("reference_id", "default")
                .add("amount", money(order.currency, order.value))
                .add("payee", Json.createObjectBuilder().add("merchant_id", PayPalFake.MERCHANT_ID)
                        .add("email_address", "merchant@example.com"));
        if (order.customId != null) {
            unit.add("custom_id", order.customId);
        }
        if (order.captureId != null) {
            JsonObjectBuilder capture = Json.createObjectBuilder()
                    .add("id", order.captureId)
                    .add("status", order.captureStatus)
                    .add("amount", money(order.currency, order.value))
                    .add("final_capture", true)
                    .add("supplementary_data", Json.createObjectBuilder().add("related_ids",
                            Json.createObjectBuilder().add("order_id", order.id)))
                    .add("create_time", order.createTime)
                    .add("update_time", clock.instant().toString());
            if (order.customId != null) {
                capture.add("custom_id", order.customId);
            }
            if (order.captureReason != null) {
                capture.add("status_details", Json.createObjectBuilder().add("reason", order.captureReason));
            }
            if ("DECLINED".equals(order.captureStatus)) {
                capture.add("processor_response", Json.createObjectBuilder().add("response_code", "0500")
                        .add("avs_code", "G").add("cvv_code", "X"));
            }
            unit.add("payments", Json.createObjectBuilder().add("captures", Json.createArrayBuilder().add(capture)));
        }
        JsonObjectBuilder paypal = Json.createObjectBuilder()
                .add("email_address", "payer@example.com")
                .add("account_id", "FAKEPAYER0001");
        if (order.captureId != null && order.vaultLate) {
            // PayPal's answer while it saves the account after the payment: no id yet
            paypal.add("attributes", Json.createObjectBuilder().add("vault", Json.createObjectBuilder()
                    .add("status", "APPROVED")));
        } else if (order.captureId != null && (order.vault || order.vaultId != null)) {
            paypal.add("attributes", Json.createObjectBuilder().add("vault", Json.createObjectBuilder()
                    .add("id", order.vaultId != null ? order.vaultId : vaultToken(order))
                    .add("status", "VAULTED")
                    .add("customer", Json.createObjectBuilder().add("id", "fakecustomer1"))));
        }
        JsonArrayBuilder links = Json.createArrayBuilder()
                .add(link(base + "/v2/checkout/orders/" + order.id, "self", "GET"));
        if ("PAYER_ACTION_REQUIRED".equals(order.status)) {
            links.add(link(base + PayPalApprovalPage.PATH + "?token=" + order.id, "payer-action", "GET"));
        }
        if ("APPROVED".equals(order.status)) {
            links.add(link(base + "/v2/checkout/orders/" + order.id + "/capture", "capture", "POST"));
        }
        return Json.createObjectBuilder()
                .add("id", order.id)
                .add("intent", "CAPTURE")
                .add("status", order.status)
                .add("payment_source", Json.createObjectBuilder().add("paypal", paypal))
                .add("purchase_units", Json.createArrayBuilder().add(unit))
                .add("create_time", order.createTime)
                .add("links", links)
                .build();
    }

    synchronized JsonObject render(Refund refund) {
        JsonObjectBuilder builder = Json.createObjectBuilder()
                .add("id", refund.id)
                .add("status", refund.status)
                .add("amount", money(refund.currency, refund.value))
                .add("links", Json.createArrayBuilder()
                        .add(link(base + "/v2/payments/refunds/" + refund.id, "self", "GET"))
                        .add(link(base + "/v2/payments/captures/" + orders.get(refund.orderId).captureId, "up",
                                "GET")));
        if (refund.note != null) {
            builder.add("note_to_payer", refund.note);
        }
        if (refund.customId != null) {
            builder.add("custom_id", refund.customId);
        }
        if ("PENDING".equals(refund.status)) {
            builder.add("status_details", Json.createObjectBuilder().add("reason", "ECHECK"));
        }
        return builder.build();
    }

    /** A capture resource, as in {@code PAYMENT.CAPTURE.*} events. */
    synchronized JsonObject renderCapture(Order order) {
        return render(order).getJsonArray("purchase_units").getJsonObject(0).getJsonObject("payments")
                .getJsonArray("captures").getJsonObject(0);
    }

    static boolean validAmount(String currency, String value) {
        int digits;
        try {
            digits = WHOLE_UNITS.contains(currency) ? 0 : Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (digits > 2) {
            return false; // PayPal takes no three-decimal currency
        }
        String pattern = digits == 0 ? "[0-9]{1,10}" : "[0-9]{1,10}\\.[0-9]{" + digits + "}";
        return value.matches(pattern);
    }

    /** An amount in ISO 4217 minor units of its currency. */
    static long isoMinor(String currency, String value) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return new BigDecimal(value).setScale(digits).unscaledValue().longValueExact();
    }

    private static JsonObjectBuilder money(String currency, String value) {
        return Json.createObjectBuilder().add("currency_code", currency).add("value", value);
    }

    private static JsonObjectBuilder link(String href, String rel, String method) {
        return Json.createObjectBuilder().add("href", href).add("rel", rel).add("method", method);
    }

    static Response error(int status, String name, String issue, String description) {
        return new Response(status, Json.createObjectBuilder()
                .add("name", name)
                .add("message", description)
                .add("debug_id", id(13).toLowerCase())
                .add("details", Json.createArrayBuilder().add(Json.createObjectBuilder().add("issue", issue)
                        .add("description", description)))
                .build());
    }

    static String id(int length) {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXY0123456789";
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
