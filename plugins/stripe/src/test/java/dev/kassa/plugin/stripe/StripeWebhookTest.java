package dev.kassa.plugin.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookRequest;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.stripe.SignedDelivery;
import dev.kassa.testkit.stripe.StripeFake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Stripe CLI events (api_version 2020-08-27, from the testkit's fixtures), signed here with the
 * tenant's webhook secret, read by the plugin; and the ways a delivery is refused.
 */
class StripeWebhookTest {
    private static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");
    private static StripeFake stripe;
    private final StripeCardMethod method = new StripeCardMethod();

    @BeforeAll
    static void startFake() {
        stripe = new StripeFake().start();
    }

    @AfterAll
    static void stopFake() {
        stripe.close();
    }

    @Test
    void succeededPayment() throws IOException {
        WebhookEvent event = receive(signed("payment_intent.succeeded", NOW));
        assertEquals("evt_000000000000000000000000", event.id());
        assertEquals("payment_intent.succeeded", event.type());
        assertEquals(Outcome.SUCCEEDED, event.payment().outcome());
        assertEquals("pi_000000000000000000000000", event.payment().gatewayReference());
        assertEquals(new Amount(2000, "USD"), event.payment().received());
        assertNull(event.payment().attemptId(), "the CLI event has no kassa_attempt metadata");
    }

    @Test
    void failedPaymentIsDeclinedWithStripesReason() throws IOException {
        WebhookEvent event = receive(signed("payment_intent.payment_failed", NOW));
        assertEquals(Outcome.DECLINED, event.payment().outcome());
        assertEquals("generic_decline", event.payment().reasonCode());
        assertEquals("Your card was declined.", event.payment().reason());
        assertNull(event.payment().received());
    }

    @Test
    void threeDSecureChallengeWaitsForTheCustomer() throws IOException {
        WebhookEvent event = receive(signed("payment_intent.requires_action", NOW));
        assertEquals(Outcome.ACTION_REQUIRED, event.payment().outcome());
        NextAction action = event.payment().nextAction();
        assertEquals(NextAction.Kind.CLIENT_SECRET, action.kind(), "use_stripe_sdk is finished by Stripe.js");
        assertEquals("pi_000000000000000000000000_secret_0000000000000000000000000", action.clientSecret());
        assertEquals(StripeFake.PUBLISHABLE_KEY, action.data().get("publishableKey"));
        assertEquals("cus_00000000000000", event.payment().customerReference());
    }

    @Test
    void chargeRefundedReportsTheLatestRefund() throws IOException {
        WebhookEvent event = receive(signed("charge.refunded", NOW));
        assertNotNull(event.refund(), event.toString());
        assertEquals(Outcome.SUCCEEDED, event.refund().outcome());
        assertEquals("re_000000000000000000000000", event.refund().gatewayReference());
        assertNull(event.refund().refundId(), "no kassa_refund metadata in the CLI event");
    }

    @Test
    void setupSucceededWithAPaymentMethodStripeCannotShowIsPending() throws IOException {
        // the event names pm_000... only; the fake does not know it, so the details cannot be read now
        WebhookEvent event = receive(signed("setup_intent.succeeded", NOW));
        assertEquals(Outcome.PENDING, event.setup().outcome());
        assertEquals("seti_000000000000000000000000", event.setup().gatewayReference());
    }

    @Test
    void aDisputeWhoseFundsWereWithdrawnIsAReversalOfItsPaymentIntent() {
        // data.object in the shape of Stripe's published dispute fixture (openapi fixtures3.json), with a PaymentIntent
        String body = """
                {"id": "evt_dispute_000000000000000", "object": "event", "api_version": "2020-08-27",
                 "created": 1717323330, "livemode": false, "pending_webhooks": 1, "request": {"id": null},
                 "type": "charge.dispute.funds_withdrawn",
                 "data": {"object": {"id": "dp_000000000000000000000000", "object": "dispute", "amount": 2000,
                   "balance_transactions": [], "charge": "ch_000000000000000000000000", "created": 1717323300,
                   "currency": "usd", "is_charge_refundable": false, "livemode": false, "metadata": {},
                   "payment_intent": "pi_000000000000000000000000", "reason": "fraudulent",
                   "status": "needs_response"}}}
                """;
        WebhookEvent event = receive(StripeFake.sign(body.getBytes(StandardCharsets.UTF_8), NOW));
        assertEquals("pi_000000000000000000000000", event.reversal().gatewayReference());
        assertEquals("dp_000000000000000000000000", event.reversal().reversalReference());
        assertEquals(new Amount(2000, "USD"), event.reversal().amount());
        assertEquals("fraudulent", event.reversal().reasonCode());

        WebhookEvent noIntent = receive(StripeFake.sign(body.replace("\"pi_000000000000000000000000\"", "null")
                .getBytes(StandardCharsets.UTF_8), NOW));
        assertNull(noIntent.reversal(), "a dispute of a charge without a PaymentIntent is not one of Kassa's");
    }

    @Test
    void otherEventsAreIgnoredButKeepTheirId() throws IOException {
        byte[] body = fixture("payment_intent.succeeded").replace("\"type\": \"payment_intent.succeeded\"",
                "\"type\": \"payment_intent.created\"").getBytes(StandardCharsets.UTF_8);
        WebhookEvent event = receive(StripeFake.sign(body, NOW));
        assertEquals(WebhookEvent.ignored("evt_000000000000000000000000", "payment_intent.created"), event);
    }

    @Test
    void aDeliveryWithinFiveMinutesEitherSideIsAccepted() throws IOException {
        receive(signed("payment_intent.succeeded", NOW.minus(Duration.ofMinutes(4))));
        receive(signed("payment_intent.succeeded", NOW.plus(Duration.ofMinutes(4))));
    }

    @Test
    void staleDeliveryIsRefused() throws IOException {
        SignedDelivery stale = signed("payment_intent.succeeded", NOW.minus(Duration.ofSeconds(301)));
        assertThrows(InvalidWebhookException.class, () -> receive(stale));
    }

    @Test
    void deliveryFromTheFutureIsRefused() throws IOException {
        SignedDelivery early = signed("payment_intent.succeeded", NOW.plus(Duration.ofSeconds(301)));
        assertThrows(InvalidWebhookException.class, () -> receive(early));
    }

    @Test
    void deliverySignedWithAnotherSecretIsRefused() throws IOException {
        byte[] body = fixture("payment_intent.succeeded").getBytes(StandardCharsets.UTF_8);
        SignedDelivery forged = new SignedDelivery(body,
                StripeFake.signatureHeader(body, "whsec_someoneElsesSecret", NOW.getEpochSecond()));
        assertThrows(InvalidWebhookException.class, () -> receive(forged));
    }

    @Test
    void oneMatchingSignatureOfSeveralIsEnough() throws IOException {
        SignedDelivery genuine = signed("payment_intent.succeeded", NOW);
        String rolled = genuine.signatureHeader().replace("v1=", "v1=" + "0".repeat(64) + ",v1=");
        assertEquals(Outcome.SUCCEEDED, receive(genuine.withSignatureHeader(rolled)).payment().outcome());
    }

    @Test
    void missingOrMalformedHeaderIsRefused() throws IOException {
        byte[] body = fixture("payment_intent.succeeded").getBytes(StandardCharsets.UTF_8);
        WebhookRequest unsigned = new WebhookRequest(body, Map.of());
        assertThrows(InvalidWebhookException.class, () -> method.receive(context(), unsigned));
        for (String header : List.of("", "garbage", "t=abc,v1=00", "v1=00", "t=" + NOW.getEpochSecond(),
                "t=" + NOW.getEpochSecond() + ",v0=" + "0".repeat(64))) {
            assertThrows(InvalidWebhookException.class, () -> receive(new SignedDelivery(body, header)), header);
        }
    }

    @Test
    void signedGarbageIsRefused() {
        SignedDelivery garbage = StripeFake.sign("not json".getBytes(StandardCharsets.UTF_8), NOW);
        assertThrows(InvalidWebhookException.class, () -> receive(garbage));
    }

    private WebhookEvent receive(SignedDelivery delivery) {
        return method.receive(context(), delivery.toWebhookRequest());
    }

    private static MethodContext context() {
        return new MethodContext("acme", stripe.credentials(), stripe.operatorSettings(),
                new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC),
                System.getLogger("test"));
    }

    private static SignedDelivery signed(String type, Instant signedAt) throws IOException {
        return StripeFake.sign(fixture(type).getBytes(StandardCharsets.UTF_8), signedAt);
    }

    private static String fixture(String type) throws IOException {
        return Fixtures.text("stripe/webhooks/" + type + ".json");
    }
}
