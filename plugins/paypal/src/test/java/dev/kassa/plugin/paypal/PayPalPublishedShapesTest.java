package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.paypal.PayPalFake;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vault and reversal events in the shapes PayPal publishes (fixtures in
 * {@code src/test/resources/paypal-events}, see the NOTE there), with ids the local fake knows.
 */
class PayPalPublishedShapesTest {
    private static PayPalFake paypal;
    private final ContractRequests requests = new ContractRequests("shapes");

    @BeforeAll
    static void startFake() {
        paypal = new PayPalFake().start();
    }

    @AfterAll
    static void stopFake() {
        paypal.close();
    }

    private static MethodContext context() {
        return new MethodContext("shapes", paypal.credentials(), paypal.operatorSettings(), HttpSettings.DEFAULT,
                Clock.systemUTC(), System.getLogger("test"));
    }

    private static JsonObject fixture(String name, Map<String, String> ids) throws IOException {
        String text;
        try (InputStream in = PayPalPublishedShapesTest.class.getResourceAsStream("/paypal-events/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("${" + id.getKey() + "}", id.getValue());
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The fixture's resource, in an envelope the fake signs as PayPal would. */
    private static WebhookEvent receive(JsonObject event) {
        return new PayPalMethod().receive(context(), paypal.delivery(event.getString("event_type"),
                event.getString("resource_type"), event.getJsonObject("resource"), Instant.now()));
    }

    private PaymentResult paid(boolean vaultLate) {
        PayPalMethod method = new PayPalMethod();
        if (vaultLate) {
            paypal.nextVaultLate();
        }
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, new Amount(500, "EUR"),
                requests.newCustomer(), vaultLate));
        paypal.approve(started.gatewayReference());
        return method.paymentStatus(context(), started.gatewayReference(), attempt);
    }

    @Test
    void theReversalSample() throws IOException {
        String order = paid(false).gatewayReference();
        String capture = readBody(paypal.captureEvent(order, Instant.now()).body()).getJsonObject("resource")
                .getString("id");
        String reversal = paypal.reverse(order);
        WebhookEvent event = receive(fixture("payment_capture_reversed.json",
                Map.of("REVERSAL_ID", reversal, "CAPTURE_ID", capture)));
        assertEquals(order, event.reversal().gatewayReference());
        assertEquals(new Amount(500, "EUR"), event.reversal().amount());
    }

    @Test
    void theTokenCreatedAndDeletedSamples() throws IOException {
        String order = paid(true).gatewayReference();
        String token = paypal.vaultNow(order);
        WebhookEvent created = receive(fixture("vault_payment_token_created.json",
                Map.of("TOKEN_ID", token, "ORDER_ID", order)));
        assertEquals(Outcome.SUCCEEDED, created.setup().outcome());
        assertEquals(order, created.setup().gatewayReference());
        assertEquals(token, created.setup().method().token());

        paypal.forgetPaymentToken(token);
        WebhookEvent deleted = receive(fixture("vault_payment_token_deleted.json", Map.of("TOKEN_ID", token)));
        assertTrue(deleted.setup().isRevocation(), deleted.toString());
    }

    private static JsonObject readBody(byte[] body) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
