package dev.kassa.plugin.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.api.payment.MethodInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeCredentialsTest {
    private final StripeCardMethod method = new StripeCardMethod();

    @Test
    void describesItself() {
        MethodInfo info = method.info();
        assertEquals("stripe-card", info.code());
        assertEquals("Carte bancaire", info.name("fr-BE"));
        assertEquals("Immédiat", info.processingTime("fr"));
        assertTrue(info.countries().isEmpty(), "any country");
        assertTrue(info.currencies().containsAll(List.of("EUR", "USD", "JPY", "ISK", "HUF", "KWD", "MGA")),
                "the currencies whose units at Stripe the plugin knows");
        assertFalse(info.currencies().contains("IQD"), "three decimals, but not one of Stripe's");
        assertFalse(info.currencies().contains("XAU"), "no minor units at all");
        assertEquals(List.of(CredentialField.secret("secretKey", "Secret key (sk_… or restricted rk_…)"),
                CredentialField.visible("publishableKey", "Publishable key (pk_…)", true),
                CredentialField.secret("webhookSecret", "Webhook signing secret (whsec_…)")), info.credentials());
    }

    @Test
    void acceptsSecretAndRestrictedKeys() {
        assertEquals(List.of(), method.checkCredentials(Map.of("secretKey", "sk_live_51HxYz0123456789",
                "publishableKey", "pk_live_51HxYz0123456789", "webhookSecret", "whsec_0123456789abcdef")));
        assertEquals(List.of(), method.checkCredentials(Map.of("secretKey", "rk_test_51HxYz0123456789",
                "publishableKey", "pk_test_51HxYz0123456789", "webhookSecret", "whsec_0123456789abcdef")));
    }

    @Test
    void refusesSwappedOrMistypedKeys() {
        List<CredentialProblem> problems = method.checkCredentials(Map.of("secretKey", "pk_test_51HxYz0123456789",
                "publishableKey", "sk_test_51HxYz0123456789", "webhookSecret", " whsec_0123456789abcdef"));
        assertEquals(List.of("secretKey", "publishableKey", "webhookSecret"),
                problems.stream().map(CredentialProblem::field).toList());
        problems.forEach(p -> assertEquals("credential.invalid", p.code()));
    }

    @Test
    void refusesATestKeyWithALiveKey() {
        List<CredentialProblem> problems = method.checkCredentials(Map.of("secretKey", "sk_test_51HxYz0123456789",
                "publishableKey", "pk_live_51HxYz0123456789", "webhookSecret", "whsec_0123456789abcdef"));
        assertEquals(List.of(new CredentialProblem("publishableKey", "credential.mode_mismatch",
                "The secret key and the publishable key must both be test keys or both be live keys.")), problems);
    }
}
