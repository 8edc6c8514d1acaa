package dev.kassa.server.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification (1.0.0) defines them: HMAC-SHA256 over
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the base64-decoded part of a
 * {@code whsec_<base64>} secret, sent as {@code v1,<base64 of the MAC>} in {@code webhook-signature}.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** 32 random bytes: the specification asks for 24 to 64. */
    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new endpoint's secret, {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header's value for one attempt.
     *
     * @param secret {@code whsec_<base64>} (the prefix may be left out)
     * @param timestamp the {@code webhook-timestamp}, seconds since the epoch
     * @param body the exact bytes sent, as UTF-8 text
     */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        if (webhookId.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a webhook id holds no full stop: " + webhookId);
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
