package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.Reversal;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.paypal.PayPalFake;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook verification: the certificate's host, the tenant's webhook id, the tenant's own orders. */
class PayPalWebhookTest {
    private static PayPalFake paypal;
    private final ContractRequests requests = new ContractRequests("hooks");

    @BeforeAll
    static void startFake() {
        paypal = new PayPalFake().start();
    }

    @AfterAll
    static void stopFake() {
        paypal.close();
    }

    @BeforeEach
    void reset() {
        paypal.reset();
    }

    private MethodContext context(Map<String, String> credentials) {
        return new MethodContext("hooks", credentials, paypal.operatorSettings(), HttpSettings.DEFAULT,
                Clock.systemUTC(), System.getLogger("test"));
    }

    private MethodContext context() {
        return context(paypal.credentials());
    }

    private String paidOrder(MethodContext context) {
        PayPalMethod method = new PayPalMethod();
        PaymentResult started = method.pay(context, requests.payment(ContractRequests.id("att"), new Amount(500, "EUR"),
                requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        method.paymentStatus(context, started.gatewayReference(), null);
        return started.gatewayReference();
    }

    @Test
    void certificatesComeOnlyFromPayPalsHostsOrTheOperatorsApiBase() {
        MethodContext context = context();
        assertTrue(PayPalCertificates.Fetched.allowed(context, "https://api.paypal.com/v1/notifications/certs/CERT-1"));
        assertTrue(PayPalCertificates.Fetched.allowed(context,
                "https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-1"));
        assertTrue(PayPalCertificates.Fetched.allowed(context, paypal.baseUrl() + PayPalFake.CERT_PATH));
        assertFalse(PayPalCertificates.Fetched.allowed(context, "http://api.paypal.com/v1/notifications/certs/CERT-1"));
        assertFalse(PayPalCertificates.Fetched.allowed(context, "https://api.paypal.com.evil.example/cert"));
        assertFalse(PayPalCertificates.Fetched.allowed(context, "https://evil.example/api.paypal.com"));
        assertFalse(PayPalCertificates.Fetched.allowed(context, "https://api.paypal.com:8443/cert"));
        assertFalse(PayPalCertificates.Fetched.allowed(context, "https://user@api.paypal.com/cert"));
        MethodContext production = new MethodContext("hooks", paypal.credentials(), Map.of(), HttpSettings.DEFAULT,
                Clock.systemUTC(), System.getLogger("test"));
        assertFalse(PayPalCertificates.Fetched.allowed(production, paypal.baseUrl() + PayPalFake.CERT_PATH),
                "without the operator's API base, a local URL is refused");
    }

    @Test
    void aDeliveryNamingAnotherCertificateHostIsRefusedWithoutFetchingIt() {
        String order = paidOrder(context());
        WebhookRequest genuine = paypal.paymentEvent(order, Instant.now());
        Map<String, List<String>> headers = new HashMap<>(genuine.headers());
        headers.put("paypal-cert-url", List.of("https://evil.example/cert.pem"));
        WebhookRequest forged = new WebhookRequest(genuine.body(), headers);
        assertThrows(InvalidWebhookException.class, () -> new PayPalMethod().receive(context(), forged));
    }

    @Test
    void certificatesAreFetchedThroughTheInjectedSourceAndCached() {
        String order = paidOrder(context());
        AtomicInteger fetched = new AtomicInteger();
        PayPalCertificates counting = (context, url) -> {
            fetched.incrementAndGet();
            return PayPalCertificates.fetched().certificate(context, url);
        };
        PayPalMethod method = new PayPalMethod(counting);
        method.receive(context(), paypal.paymentEvent(order, Instant.now()));
        assertEquals(1, fetched.get());
        // the shared source caches: a certificate it served once is not fetched again, even with the host gone
        MethodContext context = context();
        String url = paypal.baseUrl() + PayPalFake.CERT_PATH;
        X509Certificate first = PayPalCertificates.fetched().certificate(context, url);
        paypal.close();
        try {
            assertEquals(first, PayPalCertificates.fetched().certificate(context, url));
        } finally {
            paypal = new PayPalFake().start();
        }
    }

    @Test
    void aDeliveryForAnotherWebhookIdDoesNotVerify() {
        String order = paidOrder(context());
        Map<String, String> otherApp = new HashMap<>(paypal.credentials());
        otherApp.put("webhookId", "8OTHERWEBHOOK0001");
        WebhookRequest delivery = paypal.paymentEvent(order, Instant.now());
        assertThrows(InvalidWebhookException.class, () -> new PayPalMethod().receive(context(otherApp), delivery));
    }

    @Test
    void anOrderOfAnotherPayPalAccountIsRefused() {
        Map<String, String> otherAccount = new HashMap<>(paypal.credentials());
        otherAccount.put("clientId", "AOtherTenantsClientId000000000000000000");
        String theirs = paidOrder(context(otherAccount));
        WebhookRequest delivery = paypal.paymentEvent(theirs, Instant.now());
        InvalidWebhookException refused = assertThrows(InvalidWebhookException.class,
                () -> new PayPalMethod().receive(context(), delivery));
        assertTrue(refused.getMessage().contains("does not know"), refused.getMessage());
    }

    @Test
    void anOrderPaidToAnotherMerchantIdIsRefused() {
        String order = paidOrder(context());
        Map<String, String> otherMerchant = new HashMap<>(paypal.credentials());
        otherMerchant.put("merchantId", "OTHERMERCHANT01");
        WebhookRequest delivery = paypal.paymentEvent(order, Instant.now());
        assertThrows(InvalidWebhookException.class, () -> new PayPalMethod().receive(context(otherMerchant), delivery));
    }

    @Test
    void aTenantMayHavePayPalsVerifyApiCheckTheSignatureInstead() {
        Map<String, String> viaApi = new HashMap<>(paypal.credentials());
        viaApi.put("webhookVerification", "api");
        PayPalCertificates none = (context, url) -> {
            throw new AssertionError("no certificate is fetched when PayPal verifies");
        };
        PayPalMethod method = new PayPalMethod(none);
        String order = paidOrder(context(viaApi));
        WebhookRequest genuine = paypal.paymentEvent(order, Instant.now());
        assertEquals(order, method.receive(context(viaApi), genuine).payment().gatewayReference());

        WebhookRequest tampered = new WebhookRequest(new String(genuine.body(), StandardCharsets.UTF_8)
                .replace("\"5.00\"", "\"50.00\"").getBytes(StandardCharsets.UTF_8), genuine.headers());
        assertThrows(InvalidWebhookException.class, () -> method.receive(context(viaApi), tampered));
        Map<String, String> otherWebhook = new HashMap<>(viaApi);
        otherWebhook.put("webhookId", "8OTHERWEBHOOK0001");
        assertThrows(InvalidWebhookException.class, () -> method.receive(context(otherWebhook), genuine));
        MethodContext tooLate = new MethodContext("hooks", viaApi, paypal.operatorSettings(), HttpSettings.DEFAULT,
                Clock.fixed(Instant.now().plusSeconds(600), java.time.ZoneOffset.UTC), System.getLogger("test"));
        assertThrows(InvalidWebhookException.class, () -> method.receive(tooLate, genuine));
    }

    @Test
    void eventsAboutNothingThePlatformTracksAreIgnored() {
        WebhookEvent event = new PayPalMethod().receive(context(), paypal.delivery("CUSTOMER.DISPUTE.CREATED", "dispute",
                jakarta.json.Json.createObjectBuilder().add("dispute_id", "PP-D-1").build(), Instant.now()));
        assertEquals("CUSTOMER.DISPUTE.CREATED", event.type());
        assertEquals(null, event.payment());
    }

    @Test
    void aReversedCaptureIsReadAsMoneyTakenBackFromTheOrderOnceFetchedAgain() {
        String attempt = ContractRequests.id("att");
        PayPalMethod method = new PayPalMethod();
        PaymentResult started = method.pay(context(), requests.payment(attempt, new Amount(500, "EUR"),
                requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        method.paymentStatus(context(), started.gatewayReference(), attempt);
        String reversal = paypal.reverse(started.gatewayReference());

        WebhookEvent event = method.receive(context(), paypal.reversalEvent(reversal, Instant.now()));
        assertEquals("PAYMENT.CAPTURE.REVERSED", event.type());
        assertEquals(null, event.refund(), "a reversal is not one of the tenant's refunds");
        Reversal taken = event.reversal();
        assertEquals(started.gatewayReference(), taken.gatewayReference());
        assertEquals(attempt, taken.attemptId());
        assertEquals(reversal, taken.reversalReference());
        assertEquals(new Amount(500, "EUR"), taken.amount());
        assertEquals("reversed", taken.reasonCode());
        assertTrue(taken.reason().contains("Payment reversed"), taken.reason());

        Map<String, String> otherAccount = new HashMap<>(paypal.credentials());
        otherAccount.put("clientId", "AOtherTenantsClientId000000000000000000");
        assertThrows(InvalidWebhookException.class, () -> method.receive(context(otherAccount),
                paypal.reversalEvent(reversal, Instant.now())), "another PayPal app does not know the reversal");
    }

    @Test
    void aPayPalAccountVaultedAfterThePaymentIsReadFromTheTokenFetchedAgain() {
        String attempt = ContractRequests.id("att");
        PayPalMethod method = new PayPalMethod();
        paypal.nextVaultLate();
        PaymentResult started = method.pay(context(), requests.payment(attempt, new Amount(500, "EUR"),
                requests.newCustomer(), true));
        paypal.approve(started.gatewayReference());
        PaymentResult paid = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid.toString());
        assertEquals(null, paid.savedMethod(), "PayPal has not saved the account yet (vault status APPROVED)");
        String token = paypal.vaultNow(started.gatewayReference());

        WebhookEvent created = method.receive(context(), paypal.paymentTokenEvent(token, "VAULT.PAYMENT-TOKEN.CREATED",
                Instant.now()));
        SetupResult saved = created.setup();
        assertEquals(Outcome.SUCCEEDED, saved.outcome(), saved.toString());
        assertEquals(started.gatewayReference(), saved.gatewayReference(), "the order that saved it");
        assertEquals(token, saved.method().token());
        assertEquals("paypal", saved.method().brand());
        assertEquals("fakecustomer1", saved.customerReference());
        assertFalse(saved.isRevocation());

        Map<String, String> otherAccount = new HashMap<>(paypal.credentials());
        otherAccount.put("clientId", "AOtherTenantsClientId000000000000000000");
        assertThrows(InvalidWebhookException.class, () -> method.receive(context(otherAccount),
                paypal.paymentTokenEvent(token, "VAULT.PAYMENT-TOKEN.CREATED", Instant.now())));
    }

    @Test
    void aDeletedTokenIsRevokedOnlyWhenPayPalNoLongerHoldsIt() {
        String attempt = ContractRequests.id("att");
        PayPalMethod method = new PayPalMethod();
        PaymentResult started = method.pay(context(), requests.payment(attempt, new Amount(500, "EUR"),
                requests.newCustomer(), true));
        paypal.approve(started.gatewayReference());
        String token = method.paymentStatus(context(), started.gatewayReference(), attempt).savedMethod().token();

        WebhookEvent premature = method.receive(context(), paypal.paymentTokenEvent(token,
                "VAULT.PAYMENT-TOKEN.DELETED", Instant.now()));
        assertEquals(null, premature.setup(), "PayPal still holds the token: the delivery's word is not taken");

        paypal.forgetPaymentToken(token);
        WebhookEvent deleted = method.receive(context(), paypal.paymentTokenEvent(token, "VAULT.PAYMENT-TOKEN.DELETED",
                Instant.now()));
        assertTrue(deleted.setup().isRevocation(), deleted.toString());
        assertEquals(token, deleted.setup().method().token());
        assertEquals(Outcome.DECLINED, deleted.setup().outcome());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAfterTheSignature() {
        WebhookRequest genuine = paypal.paymentEvent(paidOrder(context()), Instant.now());
        WebhookRequest garbage = new WebhookRequest("not json".getBytes(StandardCharsets.UTF_8), genuine.headers());
        assertThrows(InvalidWebhookException.class, () -> new PayPalMethod().receive(context(), garbage));
    }
}
