package dev.kassa.plugin.paypal;

import com.google.gson.JsonObject;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Saving a payer's PayPal account without paying now, through the Vault v3 API: a setup token
 * (with the saved method's id as {@code PayPal-Request-Id}) the payer approves on PayPal's page, then
 * a payment token made from it ({@code vault-<setup token>} as request id, so asking twice makes one
 * token). The payment token's id is the saved method's token, charged later by
 * {@link PayPalOrders#payWithVault}. A PayPal account has no card number or expiry: the saved
 * method's brand is {@code paypal} and its last four digits and expiry are empty.
 */
final class PayPalVault {
    static final String SETUP_TOKENS = "/v3/vault/setup-tokens";
    static final String PAYMENT_TOKENS = "/v3/vault/payment-tokens";

    private final PayPalApi api;

    PayPalVault(PayPalApi api) {
        this.api = api;
    }

    SetupResult setUp(SetupRequest request) {
        JsonObject experience = new JsonObject();
        experience.addProperty("shipping_preference", "NO_SHIPPING");
        if (request.returnUrl() != null) {
            experience.addProperty("return_url", request.returnUrl());
            experience.addProperty("cancel_url", request.cancelUrl() != null ? request.cancelUrl() : request.returnUrl());
        }
        JsonObject paypal = new JsonObject();
        paypal.addProperty("usage_type", "MERCHANT");
        paypal.addProperty("customer_type", "CONSUMER");
        paypal.addProperty("permit_multiple_payment_tokens", true);
        paypal.add("experience_context", experience);
        JsonObject source = new JsonObject();
        source.add("paypal", paypal);
        JsonObject body = new JsonObject();
        body.add("payment_source", source);
        if (request.customer().gatewayReference() != null) {
            JsonObject customer = new JsonObject();
            customer.addProperty("id", request.customer().gatewayReference());
            body.add("customer", customer);
        }
        try {
            PayPalApi.Reply reply = api.post(SETUP_TOKENS, request.savedMethodId(), body);
            if (!reply.ok()) {
                return SetupResult.failed(null, reply.issue(), reply.message()).withSavedMethodId(request.savedMethodId());
            }
            return read(reply.body()).withSavedMethodId(request.savedMethodId());
        } catch (PayPalApi.Refused e) {
            return SetupResult.failed(null, e.code(), e.getMessage()).withSavedMethodId(request.savedMethodId());
        } catch (PayPalApi.Unanswered e) {
            return SetupResult.unknown(null, e.getMessage()).withSavedMethodId(request.savedMethodId());
        }
    }

    SetupResult status(String setupTokenId) {
        try {
            PayPalApi.Reply reply = api.get(SETUP_TOKENS + "/" + setupTokenId);
            if (reply.status() == 404) {
                return SetupResult.failed(setupTokenId, "setup_expired",
                        "PayPal no longer knows the setup: the payer did not approve it in time");
            }
            if (!reply.ok()) {
                return SetupResult.unknown(setupTokenId, reply.message());
            }
            return read(reply.body());
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return SetupResult.unknown(setupTokenId, e.getMessage());
        }
    }

    void remove(String paymentTokenId) {
        try {
            PayPalApi.Reply reply = api.delete(PAYMENT_TOKENS + "/" + paymentTokenId);
            if (!reply.ok() && reply.status() != 404) {
                throw PayPalApi.unreachable(new PayPalApi.Unanswered(reply.message(), null));
            }
        } catch (PayPalApi.Unanswered e) {
            throw PayPalApi.unreachable(e);
        } catch (PayPalApi.Refused e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }

    private SetupResult read(JsonObject setupToken) {
        String id = Json.string(setupToken, "id");
        String status = String.valueOf(Json.string(setupToken, "status"));
        String customer = Json.string(setupToken, "customer", "id");
        SetupResult result;
        switch (status) {
            case "CREATED":
            case "PAYER_ACTION_REQUIRED":
                String link = Json.link(setupToken, "approve");
                result = link == null ? SetupResult.unknown(id, "PayPal gave no approval link")
                        : SetupResult.actionRequired(id, NextAction.redirect(link, Map.of("setupToken", id)));
                break;
            case "APPROVED":
            case "VAULTED":
            case "TOKENIZED":
                result = tokenize(id);
                break;
            default:
                result = SetupResult.unknown(id, "PayPal setup token status " + status);
        }
        return customer == null || result.customerReference() != null ? result : result.withCustomerReference(customer);
    }

    private SetupResult tokenize(String setupTokenId) {
        JsonObject token = new JsonObject();
        token.addProperty("id", setupTokenId);
        token.addProperty("type", "SETUP_TOKEN");
        JsonObject source = new JsonObject();
        source.add("token", token);
        JsonObject body = new JsonObject();
        body.add("payment_source", source);
        PayPalApi.Reply reply = api.post(PAYMENT_TOKENS, "vault-" + setupTokenId, body);
        if (!reply.ok()) {
            return SetupResult.failed(setupTokenId, reply.issue(), reply.message());
        }
        String paymentToken = Json.string(reply.body(), "id");
        SetupResult saved = SetupResult.succeeded(setupTokenId, new SavedMethodDetails(paymentToken, "paypal", null, 0, 0));
        String customer = Json.string(reply.body(), "customer", "id");
        return customer == null ? saved : saved.withCustomerReference(customer);
    }
}
