package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.testkit.paypal.PayPalFake;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayPalCredentialsTest {
    private final PayPalMethod method = new PayPalMethod();

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of("clientId", PayPalFake.CLIENT_ID, "clientSecret", PayPalFake.CLIENT_SECRET,
                "webhookId", PayPalFake.WEBHOOK_ID, "environment", "sandbox"));
    }

    @Test
    void theEnvironmentIsSandboxOrLiveInAnyCase() {
        Map<String, String> credentials = valid();
        credentials.put("environment", " Live ");
        Map<String, String> normalized = method.normalizeCredentials(credentials);
        assertEquals("live", normalized.get("environment"));
        assertEquals(List.of(), method.checkCredentials(normalized));
        credentials.put("environment", "production");
        List<CredentialProblem> problems = method.checkCredentials(method.normalizeCredentials(credentials));
        assertEquals(List.of("environment"), problems.stream().map(CredentialProblem::field).toList());
        assertEquals("credential.invalid", problems.get(0).code());
    }

    @Test
    void theMerchantIdIsOptionalAndUpperCase() {
        Map<String, String> credentials = valid();
        credentials.put("merchantId", "abcd1234efgh");
        Map<String, String> normalized = method.normalizeCredentials(credentials);
        assertEquals("ABCD1234EFGH", normalized.get("merchantId"));
        assertEquals(List.of(), method.checkCredentials(normalized));
        credentials.put("merchantId", "no spaces please");
        assertEquals(List.of("merchantId"), method.checkCredentials(method.normalizeCredentials(credentials)).stream()
                .map(CredentialProblem::field).toList());
    }

    @Test
    void webhookVerificationIsOfflineOrApi() {
        Map<String, String> credentials = valid();
        credentials.put("webhookVerification", "API");
        assertEquals(List.of(), method.checkCredentials(method.normalizeCredentials(credentials)));
        credentials.put("webhookVerification", "maybe");
        assertEquals(List.of("webhookVerification"), method.checkCredentials(method.normalizeCredentials(credentials))
                .stream().map(CredentialProblem::field).toList());
    }

    @Test
    void theApiIsLiveOrSandboxByTheTenantsEnvironmentUnlessTheOperatorSetsABase() {
        Map<String, String> live = valid();
        live.put("environment", "live");
        assertEquals("https://api-m.paypal.com", PayPalApi.base(context(live, Map.of())));
        assertEquals("https://api-m.sandbox.paypal.com", PayPalApi.base(context(valid(), Map.of())));
        assertEquals("http://127.0.0.1:9", PayPalApi.base(context(live, Map.of("API_BASE", "http://127.0.0.1:9/"))));
    }

    private static dev.kassa.api.payment.MethodContext context(Map<String, String> credentials,
                                                                 Map<String, String> settings) {
        return new dev.kassa.api.payment.MethodContext("t", credentials, settings,
                dev.kassa.api.payment.HttpSettings.DEFAULT, java.time.Clock.systemUTC(), System.getLogger("test"));
    }
}
