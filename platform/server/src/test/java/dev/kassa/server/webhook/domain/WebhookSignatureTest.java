package dev.kassa.server.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    /** The test vector the Standard Webhooks reference libraries sign with (their Java library's test). */
    @Test
    void signsTheSpecificationsTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void theSecretPrefixIsOptional() {
        assertEquals(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1, "{}"),
                WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1, "{}"));
    }

    @Test
    void theTimestampAndTheBodyAreSigned() {
        String secret = WebhookSignature.newSecret();
        String signed = WebhookSignature.sign(secret, "evt_1", 1700000000, "{\"a\":1}");
        assertNotEquals(signed, WebhookSignature.sign(secret, "evt_1", 1700000001, "{\"a\":1}"));
        assertNotEquals(signed, WebhookSignature.sign(secret, "evt_1", 1700000000, "{\"a\":2}"));
        assertNotEquals(signed, WebhookSignature.sign(secret, "evt_2", 1700000000, "{\"a\":1}"));
    }

    @Test
    void aNewSecretIsWhsecAnd32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void anIdWithAFullStopIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.sign(WebhookSignature.newSecret(), "evt.1", 1, "{}"));
    }
}
