package dev.kassa.testkit.stripe;

import dev.kassa.api.payment.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A webhook delivery as Stripe sends it: the exact body and its {@code Stripe-Signature} header.
 *
 * @param body the raw JSON bytes that were signed
 * @param signatureHeader {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 */
public record SignedDelivery(byte[] body, String signatureHeader) {
    public static final String HEADER = "Stripe-Signature";

    public SignedDelivery {
        body = body.clone();
        java.util.Objects.requireNonNull(signatureHeader, "signatureHeader");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The request headers of the delivery. */
    public Map<String, List<String>> headers() {
        return Map.of(HEADER, List.of(signatureHeader), "Content-Type", List.of("application/json; charset=utf-8"));
    }

    /** The delivery as a plugin receives it. */
    public WebhookRequest toWebhookRequest() {
        return new WebhookRequest(body, headers());
    }

    /** The same body with another signature header (a forgery, a replay with a new timestamp). */
    public SignedDelivery withSignatureHeader(String header) {
        return new SignedDelivery(body, header);
    }

    /** POSTs the delivery to a webhook URL, as Stripe would (for tests of a running server). */
    public HttpResponse<String> postTo(URI webhookUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhookUrl)
                .header(HEADER, signatureHeader)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDelivery that && java.util.Arrays.equals(body, that.body)
                && signatureHeader.equals(that.signatureHeader);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(body) + signatureHeader.hashCode();
    }

    @Override
    public String toString() {
        return "SignedDelivery[" + body.length + " bytes, " + signatureHeader + "]";
    }
}
