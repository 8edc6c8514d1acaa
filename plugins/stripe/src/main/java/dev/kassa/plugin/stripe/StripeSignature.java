package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.InvalidWebhookException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex HMAC>,...}) the way
 * Stripe signs: HMAC-SHA256, keyed with the endpoint's {@code whsec_...} secret as is, over
 * {@code "<t>." + raw body}. Any one {@code v1} may match (a secret being rolled has two).
 *
 * <p>Unlike stripe-java's {@code Webhook}, which reads the system clock and refuses only old
 * timestamps, the time comes from the platform's clock and is refused on both sides of the
 * tolerance: a delivery dated in the future is as suspicious as an old one. The comparison runs in
 * constant time over the raw bytes, which are never decoded and re-encoded.
 */
final class StripeSignature {
    static final String HEADER = "Stripe-Signature";
    private static final String SCHEME = "v1";
    private static final HexFormat HEX = HexFormat.of();

    private StripeSignature() {
    }

    /**
     * @return the signed timestamp
     * @throws InvalidWebhookException when the header is missing or malformed, no {@code v1}
     *     signature matches, or the timestamp is more than {@code tolerance} away from {@code now}
     */
    static Instant verify(byte[] body, String header, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new InvalidWebhookException("missing " + HEADER + " header");
        }
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if ("t".equals(key) && timestamp < 0) {
                timestamp = parseTimestamp(value);
            } else if (SCHEME.equals(key)) {
                signatures.add(value);
            }
        }
        if (timestamp <= 0) {
            throw new InvalidWebhookException("no timestamp in the " + HEADER + " header");
        }
        if (signatures.isEmpty()) {
            throw new InvalidWebhookException("no v1 signature in the " + HEADER + " header");
        }
        byte[] expected = HEX.formatHex(hmac(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matches) {
            throw new InvalidWebhookException("no v1 signature matches the payload");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new InvalidWebhookException("signature timestamp outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        return signedAt;
    }

    private static long parseTimestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
