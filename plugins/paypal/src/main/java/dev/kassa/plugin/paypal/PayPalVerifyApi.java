package dev.kassa.plugin.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *
 * <p>PayPal's server SDK has no call for this endpoint: it is a POST of our own
 * ({@link PayPalApi#postJson}) over the SDK's OkHttp client and OAuth token.
 */
final class PayPalVerifyApi {
    private PayPalVerifyApi() {
    }

    static void verify(MethodContext context, PayPalApi api, WebhookRequest request, Duration tolerance) {
        PayPalSignature.checkAlgorithmAndTime(context, request, tolerance);
        JsonNode event = Json.parse(new String(request.body(), StandardCharsets.UTF_8));
        if (event == null) {
            throw new InvalidWebhookException("the body is not a PayPal event");
        }
        ObjectNode body = Json.object();
        body.put("auth_algo", request.header(PayPalSignature.AUTH_ALGO).orElse("SHA256withRSA"));
        body.put("cert_url", PayPalSignature.header(request, PayPalSignature.CERT_URL));
        body.put("transmission_id", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_ID));
        body.put("transmission_sig", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_SIG));
        body.put("transmission_time", PayPalSignature.header(request, PayPalSignature.TRANSMISSION_TIME));
        body.put("webhook_id", context.requiredCredential(PayPalCredentials.WEBHOOK_ID));
        body.set("webhook_event", event);
        PayPalApi.Reply<JsonNode> reply;
        try {
            reply = api.postJson("/v1/notifications/verify-webhook-signature", body);
        } catch (PayPalApi.Unanswered | PayPalApi.Refused e) {
            // not a refusal: the delivery fails with a 500 and PayPal delivers it again
            throw new IllegalStateException("PayPal's verify API could not be asked: " + e.getMessage(), e);
        }
        if (!reply.ok() || !"SUCCESS".equals(Json.string(reply.result(), "verification_status"))) {
            throw new InvalidWebhookException("PayPal's verify API did not confirm the signature");
        }
    }
}
