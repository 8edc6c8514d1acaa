package dev.kassa.testkit.paypal;

import dev.kassa.api.payment.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Signs deliveries as PayPal does: SHA256withRSA over
 * {@code <transmission id>|<transmission time>|<webhook id>|<CRC32 of the body>}, with a test key
 * whose self-signed certificate ({@code signing-cert.pem}, valid 2020–2120) the fake serves at
 * {@link PayPalFake#CERT_PATH}. The key pair was made for these tests with openssl; it signs nothing else.
 */
final class PayPalSigner {
    private static final PrivateKey KEY = loadKey();
    static final String CERTIFICATE_PEM = resource("signing-cert.pem");

    private PayPalSigner() {
    }

    static WebhookRequest delivery(byte[] body, String webhookId, String certUrl, Instant sentAt) {
        String transmissionId = UUID.randomUUID().toString();
        String time = sentAt.toString();
        CRC32 crc = new CRC32();
        crc.update(body);
        String signed = transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
        String signature;
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(KEY);
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new WebhookRequest(body, Map.of(
                "Content-Type", List.of("application/json"),
                "PAYPAL-TRANSMISSION-ID", List.of(transmissionId),
                "PAYPAL-TRANSMISSION-TIME", List.of(time),
                "PAYPAL-TRANSMISSION-SIG", List.of(signature),
                "PAYPAL-CERT-URL", List.of(certUrl),
                "PAYPAL-AUTH-ALGO", List.of("SHA256withRSA")));
    }

    private static PrivateKey loadKey() {
        try {
            byte[] der = Base64.getDecoder().decode(resource("signing-key.pkcs8.b64").strip());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PayPalSigner.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
