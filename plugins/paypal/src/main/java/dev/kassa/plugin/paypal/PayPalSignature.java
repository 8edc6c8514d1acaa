package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.zip.CRC32;

/**
 * PayPal's webhook signature, checked offline: {@code PAYPAL-TRANSMISSION-SIG} is an RSA signature
 * ({@code PAYPAL-AUTH-ALGO}, SHA256withRSA) over
 * {@code <transmission id>|<transmission time>|<webhook id>|<CRC32 of the raw body, in decimal>} by
 * the certificate at {@code PAYPAL-CERT-URL}. The webhook id is the tenant's: a delivery made for
 * another PayPal app (another tenant) does not verify. The transmission time must be within the
 * tolerance of the platform's clock.
 */
final class PayPalSignature {
    static final String TRANSMISSION_ID = "paypal-transmission-id";
    static final String TRANSMISSION_TIME = "paypal-transmission-time";
    static final String TRANSMISSION_SIG = "paypal-transmission-sig";
    static final String CERT_URL = "paypal-cert-url";
    static final String AUTH_ALGO = "paypal-auth-algo";

    private PayPalSignature() {
    }

    static void verify(MethodContext context, WebhookRequest request, PayPalCertificates certificates,
                       Duration tolerance) {
        String id = header(request, TRANSMISSION_ID);
        String time = header(request, TRANSMISSION_TIME);
        String signature = header(request, TRANSMISSION_SIG);
        String certUrl = header(request, CERT_URL);
        checkAlgorithmAndTime(context, request, tolerance);
        Instant now = context.clock().instant();
        X509Certificate certificate = certificates.certificate(context, certUrl);
        try {
            certificate.checkValidity(Date.from(now));
        } catch (GeneralSecurityException e) {
            throw new InvalidWebhookException("PayPal's certificate is not valid now", e);
        }
        byte[] body = request.body();
        CRC32 crc = new CRC32();
        crc.update(body);
        String signed = id + "|" + time + "|" + context.requiredCredential(PayPalCredentials.WEBHOOK_ID) + "|"
                + crc.getValue();
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidWebhookException("unreadable PAYPAL-TRANSMISSION-SIG", e);
        }
        if (!valid) {
            throw new InvalidWebhookException("the signature does not match");
        }
    }

    /** The checks both ways of verifying make first: SHA256withRSA, and a transmission time within the tolerance. */
    static void checkAlgorithmAndTime(MethodContext context, WebhookRequest request, Duration tolerance) {
        String algorithm = request.header(AUTH_ALGO).orElse("SHA256withRSA");
        if (!"SHA256withRSA".equals(algorithm)) {
            throw new InvalidWebhookException("unexpected PAYPAL-AUTH-ALGO");
        }
        Instant sent;
        try {
            sent = Instant.parse(header(request, TRANSMISSION_TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidWebhookException("unreadable PAYPAL-TRANSMISSION-TIME");
        }
        if (Duration.between(sent, context.clock().instant()).abs().compareTo(tolerance) > 0) {
            throw new InvalidWebhookException("the delivery is outside the tolerance of the platform's clock");
        }
    }

    static String header(WebhookRequest request, String name) {
        return request.header(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidWebhookException("missing " + name.toUpperCase(java.util.Locale.ROOT)));
    }
}
