package dev.kassa.testkit.stripe;

import static dev.kassa.testkit.stripe.JsonValues.fields;
import static dev.kassa.testkit.stripe.JsonValues.object;
import static dev.kassa.testkit.stripe.JsonValues.overlay;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** Renders the fake's objects as Stripe JSON, each from its published example with the fake's values put in. */
final class StripeRenderer {
    static final String ENVELOPE_TYPE = "payment_intent.succeeded";

    private final StripeTemplates templates;

    StripeRenderer(StripeTemplates templates) {
        this.templates = templates;
    }

    JsonObject customer(FakeCustomer customer) {
        return overlay(templates.resource("customer"), fields("id", customer.id(), "object", "customer",
                "created", customer.created(), "email", customer.email(), "name", customer.name(),
                "metadata", customer.metadata(), "discount", null, "livemode", false));
    }

    JsonObject paymentMethod(FakePaymentMethod method) {
        JsonObject template = templates.resource("payment_method");
        JsonObject card = overlay(template.getJsonObject("card"), fields("brand", method.brand,
                "display_brand", method.brand, "last4", method.last4, "exp_month", method.expMonth,
                "exp_year", method.expYear, "wallet", null));
        return overlay(template, fields("id", method.id, "object", "payment_method", "created", method.created,
                "customer", method.customer, "card", card, "type", "card", "metadata", Map.of(),
                "livemode", false));
    }

    /** @param expanded the PaymentMethod to show in full ({@code expand[]=payment_method}), else null */
    JsonObject paymentIntent(FakePaymentIntent intent, FakePaymentMethod expanded) {
        Object paymentMethod = expanded != null ? paymentMethod(expanded) : intent.paymentMethod;
        return overlay(templates.resource("payment_intent"), fields("id", intent.id, "object", "payment_intent",
                "amount", intent.amount, "amount_capturable", 0L, "amount_received", intent.amountReceived,
                "automatic_payment_methods", object("enabled", true),
                "canceled_at", null, "cancellation_reason", intent.cancellationReason,
                "client_secret", intent.clientSecret, "created", intent.created, "currency", intent.currency,
                "customer", intent.customer, "description", intent.description,
                "last_payment_error", error(intent.lastError, intent.paymentMethod),
                "latest_charge", intent.chargeId, "livemode", false, "metadata", intent.metadata,
                "next_action", nextAction(intent.redirectUrl), "payment_method", paymentMethod,
                "processing", null, "setup_future_usage", intent.setupFutureUsage, "shipping", null,
                "status", intent.status, "transfer_data", null));
    }

    JsonObject setupIntent(FakeSetupIntent intent, FakePaymentMethod expanded) {
        Object paymentMethod = expanded != null ? paymentMethod(expanded) : intent.paymentMethod;
        return overlay(templates.resource("setup_intent"), fields("id", intent.id, "object", "setup_intent",
                "automatic_payment_methods", object("enabled", true),
                "cancellation_reason", intent.cancellationReason, "client_secret", intent.clientSecret,
                "created", intent.created, "customer", intent.customer,
                "last_setup_error", error(intent.lastError, intent.paymentMethod), "latest_attempt", null,
                "livemode", false, "metadata", intent.metadata, "next_action", nextAction(intent.redirectUrl),
                "payment_method", paymentMethod, "status", intent.status, "usage", intent.usage));
    }

    /**
     * A Checkout Session, with its PaymentIntent or SetupIntent rendered in full when given
     * ({@code expand[]}), else by id. Fields of the example the fake does not model (shipping,
     * tax, currency conversion) are null; {@code url} is set only while the session is open.
     */
    JsonObject checkoutSession(FakeCheckoutSession session, JsonObject paymentIntent, JsonObject setupIntent) {
        boolean payment = !session.isSetup();
        return overlay(templates.resource("checkout.session"), fields("id", session.id, "object", "checkout.session",
                "after_expiration", null, "amount_subtotal", payment ? session.amount : null,
                "amount_total", payment ? session.amount : null, "cancel_url", session.cancelUrl,
                "client_reference_id", session.clientReferenceId, "collected_information", null,
                "created", session.created, "currency", session.currency, "currency_conversion", null,
                "customer", session.customer, "customer_details", null, "customer_email", null,
                "expires_at", session.expiresAt, "invoice_creation", null, "livemode", false,
                "locale", session.locale, "metadata", session.metadata, "mode", session.mode,
                "payment_intent", paymentIntent != null ? paymentIntent : session.paymentIntent,
                "payment_method_types", List.of("card"), "payment_status", session.paymentStatus,
                "setup_intent", setupIntent != null ? setupIntent : session.setupIntent,
                "shipping_address_collection", null, "shipping_cost", null, "status", session.status,
                "success_url", session.successUrl,
                "total_details", payment
                        ? object("amount_discount", 0L, "amount_shipping", 0L, "amount_tax", 0L) : null,
                "url", "open".equals(session.status) ? session.url : null));
    }

    JsonObject refund(FakeRefund refund) {
        return overlay(templates.resource("refund"), fields("id", refund.id, "object", "refund",
                "amount", refund.amount, "charge", refund.charge, "created", refund.created,
                "currency", refund.currency, "metadata", refund.metadata, "payment_intent", refund.paymentIntent,
                "status", refund.status, "failure_reason", refund.failureReason));
    }

    /** The charge of a succeeded PaymentIntent, with its refunds listed newest first. */
    JsonObject charge(FakePaymentIntent intent, List<FakeRefund> refunds, long amountRefunded) {
        List<JsonValue> listed = refunds.stream().map(r -> (JsonValue) refund(r)).toList();
        JsonObject refundList = object("object", "list", "data", listed, "has_more", false,
                "total_count", (long) listed.size(), "url", "/v1/charges/" + intent.chargeId + "/refunds");
        return overlay(templates.resource("charge"), fields("id", intent.chargeId, "object", "charge",
                "amount", intent.amount, "amount_captured", intent.amount, "amount_refunded", amountRefunded,
                "captured", true, "created", intent.created, "currency", intent.currency,
                "customer", intent.customer, "description", intent.description, "metadata", intent.metadata,
                "paid", true, "payment_intent", intent.id, "payment_method", intent.paymentMethod,
                "refunded", amountRefunded >= intent.amount, "refunds", refundList, "source", null,
                "status", "succeeded"));
    }

    JsonObject searchResult(String url, List<JsonObject> found) {
        return object("object", "search_result", "data", found, "has_more", false, "next_page", null, "url", url);
    }

    /**
     * An event of {@code type} about {@code object}. The envelope (and, for types the fixtures
     * have, the object's fields the fake does not model) comes from the recorded Stripe CLI event,
     * so the body has the shape and {@code api_version} of a real delivery.
     */
    JsonObject event(String id, String type, JsonObject object, long created, String idempotencyKey) {
        JsonObject template = templates.event(type).orElseGet(() -> templates.event(ENVELOPE_TYPE).orElseThrow());
        boolean sameType = templates.event(type).isPresent();
        JsonObject data = sameType
                ? overlay(template.getJsonObject("data"), fields("object",
                        overlay(template.getJsonObject("data").getJsonObject("object"), object, "charges")))
                : object("object", object);
        return overlay(template, fields("id", id, "object", "event", "created", created, "data", data,
                "livemode", false, "pending_webhooks", 1L,
                "request", object("id", Ids.next("req"), "idempotency_key", idempotencyKey), "type", type));
    }

    /** Stripe's body for a failed request: {@code {"error": {...}}}. */
    static JsonObject error(String type, String code, String message, Map<String, Object> more) {
        Map<String, Object> error = fields("type", type, "code", code, "message", message);
        error.putAll(more);
        return object("error", error);
    }

    private static JsonObject error(CardError error, String paymentMethod) {
        if (error == null) {
            return null;
        }
        return object("type", "card_error", "code", error.code(), "decline_code", error.declineCode(),
                "message", error.message(), "doc_url", "https://stripe.com/docs/error-codes/" + error.code().replace('_', '-'),
                "payment_method", paymentMethod == null ? null : object("id", paymentMethod, "object", "payment_method"));
    }

    private static JsonObject nextAction(String redirectUrl) {
        if (redirectUrl == null) {
            return null;
        }
        return object("type", "redirect_to_url", "redirect_to_url",
                object("url", redirectUrl, "return_url", "https://kassa.invalid/return"));
    }
}
