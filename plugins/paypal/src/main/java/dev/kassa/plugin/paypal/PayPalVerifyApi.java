package dev.kassa.plugin.paypal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Webhook verification through PayPal's {@code POST /v1/notifications/verify-webhook-signature},
 * for a tenant who sets {@code webhookVerification} to {@code api}: PayPal checks the signature
 * and answers {@code SUCCESS} or {@code FAILURE}. It costs a call per delivery, and PayPal checks
 * the event as re-serialized JSON rather than the raw bytes, which is why offline verification
 * ({@link PayPalSignature}) is the default. The transmission time is checked here all the same.
 */
final class PayPalVerifyApi {
    private PayPalVerifyApi() {
    }

    static void verify(MethodContext context, PayPalApi api, WebhookRequest request, Duration tolerance) {
        PayPalSignature.checkAlgorithmAndTime(context, request, tolerance);
        JsonElement event;
        try {
            event = JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new InvalidWebhookException("the body is not a PayPal event");
        }
        if (!event.isJsonObject()) {
            throw new InvalidWebhookException("the body is not a PayPal event");
        }
        JsonObject body = new JsonObject();
        body.addProperty("auth_algo", request.header(PayPalSignature.AUTH_ALGO).orElse("SHA256withRSA"));
        body.addProperty("cert_url", PayPalSignature.header(request, PayPalSignature.CERT_URL));
        body.addProperty("transmission_id", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_ID));
        body.addProperty("transmission_sig", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_SIG));
        body.addProperty("transmission_time", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_TIME));
        body.addProperty("webhook_id", context.requiredCredential(PayPalCredentials.WEBHOOK_ID));
        body.add("webhook_event", event);
        PayPalApi.Reply reply;
        try {
            reply = api.post("/v1/notifications/verify-webhook-signature", null, body);
        } catch (PayPalApi.Unanswered | PayPalApi.Refused e) {
            // not a refusal: the delivery fails with a 500 and PayPal delivers it again
            throw new IllegalStateException("PayPal's verify API could not be asked: " + e.getMessage(), e);
        }
        if (!reply.ok() || !"SUCCESS".equals(Json.string(reply.body(), "verification_status"))) {
            throw new InvalidWebhookException("PayPal's verify API did not confirm the signature");
        }
    }
}
