package dev.kassa.plugin.paypal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.paypal.PayPalFake;
import dev.kassa.testkit.stripe.HostedPageClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PayPal flows beyond the contract: the approval page, pending captures, denials, vaulting, lost answers. */
class PayPalPaymentFlowTest {
    private static PayPalFake paypal;
    private final PayPalMethod method = new PayPalMethod();
    private final ContractRequests requests = new ContractRequests("flow");
    private static final Amount TEN_EUR = new Amount(1_000, "EUR");

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

    private MethodContext context() {
        return context(HttpSettings.DEFAULT);
    }

    private MethodContext context(HttpSettings http) {
        return new MethodContext("flow", paypal.credentials(), paypal.operatorSettings(), http, Clock.systemUTC(),
                System.getLogger("test"));
    }

    @Test
    void theOrderCarriesTheAttemptIdAndSendsThePayerBackToTheClientArea() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.browserPayment(attempt, TEN_EUR,
                requests.newCustomer(), false));
        assertEquals(Outcome.ACTION_REQUIRED, started.outcome(), started.toString());
        assertTrue(paypal.requestIds().contains(attempt), "PayPal-Request-Id: " + paypal.requestIds());
        String back = HostedPageClient.submit(started.nextAction().redirectUrl(), Map.of("action", "approve"));
        assertEquals(ContractRequests.RETURN_URL + "?token=" + started.gatewayReference() + "&PayerID=FAKEPAYER0001",
                back);
        assertEquals("APPROVED", paypal.orderStatus(started.gatewayReference()).orElseThrow());

        PaymentResult paid = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid.toString());
        assertEquals(TEN_EUR, paid.received());
        assertEquals(attempt, paid.attemptId());
        assertTrue(paypal.requestIds().contains("capture-" + started.gatewayReference()), "capture request id");
        // a second status query does not capture twice
        assertEquals(Outcome.SUCCEEDED, method.paymentStatus(context(), started.gatewayReference(), attempt).outcome());
    }

    @Test
    void cancellingOnThePageSendsThePayerToTheCancelUrlAndTheOrderStaysOpen() {
        PaymentResult started = method.pay(context(), requests.browserPayment(ContractRequests.id("att"), TEN_EUR,
                requests.newCustomer(), false));
        String back = HostedPageClient.submit(started.nextAction().redirectUrl(), Map.of("action", "cancel"));
        assertEquals(ContractRequests.CANCEL_URL + "?token=" + started.gatewayReference(), back);
        assertEquals(Outcome.ACTION_REQUIRED,
                method.paymentStatus(context(), started.gatewayReference(), null).outcome());
    }

    @Test
    void aPendingCaptureStaysPendingUntilPayPalSaysCompleted() {
        String attempt = ContractRequests.id("att");
        paypal.nextCapturePending();
        PaymentResult started = method.pay(context(), requests.browserPayment(attempt, TEN_EUR,
                requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        PaymentResult pending = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.PENDING, pending.outcome(), pending.toString());
        assertEquals("PENDING_REVIEW", pending.reasonCode());
        assertNull(pending.received());

        WebhookEvent stillPending = method.receive(context(), paypal.captureEvent(started.gatewayReference(),
                Instant.now()));
        assertEquals("PAYMENT.CAPTURE.PENDING", stillPending.type());
        assertEquals(Outcome.PENDING, stillPending.payment().outcome());

        paypal.settle(started.gatewayReference());
        WebhookEvent completed = method.receive(context(), paypal.captureEvent(started.gatewayReference(),
                Instant.now()));
        assertEquals("PAYMENT.CAPTURE.COMPLETED", completed.type());
        assertEquals(Outcome.SUCCEEDED, completed.payment().outcome());
        assertEquals(TEN_EUR, completed.payment().received());
        assertEquals(attempt, completed.payment().attemptId());
    }

    @Test
    void aCaptureEventWithoutItsOrderIdFindsTheOrderThroughTheCapture() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, TEN_EUR, requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        method.paymentStatus(context(), started.gatewayReference(), attempt);
        WebhookEvent event = method.receive(context(), paypal.bareCaptureEvent(started.gatewayReference(),
                Instant.now()));
        assertEquals(Outcome.SUCCEEDED, event.payment().outcome(), event.toString());
        assertEquals(started.gatewayReference(), event.payment().gatewayReference());
        assertEquals(attempt, event.payment().attemptId());
    }

    @Test
    void aPendingCaptureThatIsDeniedIsDeclined() {
        paypal.nextCapturePending();
        PaymentResult started = method.pay(context(), requests.browserPayment(ContractRequests.id("att"), TEN_EUR,
                requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        assertEquals(Outcome.PENDING, method.paymentStatus(context(), started.gatewayReference(), null).outcome());
        paypal.deny(started.gatewayReference());
        WebhookEvent denied = method.receive(context(), paypal.captureEvent(started.gatewayReference(), Instant.now()));
        assertEquals("PAYMENT.CAPTURE.DENIED", denied.type());
        assertEquals(Outcome.DECLINED, denied.payment().outcome(), denied.toString());
        assertNotNull(denied.payment().reasonCode());
    }

    @Test
    void theApprovalWebhookCapturesTheOrder() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.browserPayment(attempt, TEN_EUR,
                requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        WebhookEvent approved = method.receive(context(), paypal.orderEvent(started.gatewayReference(),
                "CHECKOUT.ORDER.APPROVED", Instant.now()));
        assertEquals(Outcome.SUCCEEDED, approved.payment().outcome(), approved.toString());
        assertEquals("COMPLETED", paypal.orderStatus(started.gatewayReference()).orElseThrow());
    }

    @Test
    void aLostOrderCreationIsUnknownThenDeclinedBecauseThePayerNeverSawIt() {
        String attempt = ContractRequests.id("att");
        paypal.delayNextOrder(Duration.ofSeconds(3));
        PaymentResult lost = method.pay(context(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(500))),
                requests.browserPayment(attempt, TEN_EUR, requests.newCustomer(), false));
        assertEquals(Outcome.UNKNOWN, lost.outcome(), lost.toString());
        assertNull(lost.gatewayReference());
        PaymentResult asked = method.paymentStatus(context(), null, attempt);
        assertEquals(Outcome.DECLINED, asked.outcome(), asked.toString());
        assertEquals("order_not_created", asked.reasonCode());
    }

    @Test
    void aPayerWhoAgreesIsVaultedAndChargedOffSessionLater() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.browserPayment(attempt, TEN_EUR,
                requests.newCustomer(), true));
        paypal.approve(started.gatewayReference());
        PaymentResult paid = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid.toString());
        assertNotNull(paid.savedMethod(), "the vaulted PayPal account");
        assertEquals("paypal", paid.savedMethod().brand());

        String renewal = ContractRequests.id("att");
        PaymentRequest offSession = requests.payment(renewal, TEN_EUR, requests.newCustomer(), false,
                paid.savedMethod().token());
        PaymentResult charged = method.pay(context(), offSession);
        assertEquals(Outcome.SUCCEEDED, charged.outcome(), charged.toString());
        assertEquals(renewal, charged.attemptId());
    }

    @Test
    void aPayPalAccountSavedWithoutPayingIsConfirmedAfterTheAgreementAndChargedForRenewals() {
        String savedMethodId = ContractRequests.id("sm");
        SetupResult started = method.setUp(context(), requests.browserSetup(savedMethodId, requests.newCustomer()));
        assertEquals(Outcome.ACTION_REQUIRED, started.outcome(), started.toString());
        assertTrue(paypal.requestIds().contains(savedMethodId), "PayPal-Request-Id: " + paypal.requestIds());
        assertEquals(Outcome.ACTION_REQUIRED, method.setupStatus(context(), started.gatewayReference()).outcome(),
                "not saved before the payer agrees");
        String back = HostedPageClient.submit(started.nextAction().redirectUrl(), Map.of("action", "approve"));
        assertTrue(back.startsWith(ContractRequests.RETURN_URL + "?approval_token_id="), back);

        SetupResult saved = method.setupStatus(context(), started.gatewayReference());
        assertEquals(Outcome.SUCCEEDED, saved.outcome(), saved.toString());
        assertEquals("paypal", saved.method().brand());
        assertNull(saved.method().last4());
        assertNotNull(saved.customerReference());
        assertEquals(saved.method().token(), method.setupStatus(context(), started.gatewayReference()).method().token(),
                "asking again makes no second payment token");

        String renewal = ContractRequests.id("att");
        PaymentResult charged = method.payOffSession(context(), requests.payment(renewal, TEN_EUR,
                requests.newCustomer().withGatewayReference(saved.customerReference()), false, saved.method().token()));
        assertEquals(Outcome.SUCCEEDED, charged.outcome(), charged.toString());
        assertEquals(TEN_EUR, charged.received());

        method.remove(context(), saved.method().token());
        assertFalse(paypal.hasPaymentToken(saved.method().token()));
        method.remove(context(), saved.method().token());
    }

    @Test
    void aPendingRefundIsSettledByTheRefundWebhook() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, TEN_EUR, requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        assertEquals(Outcome.SUCCEEDED, method.paymentStatus(context(), started.gatewayReference(), attempt).outcome());
        paypal.nextRefundPending();
        String refundId = ContractRequests.id("ref");
        RefundResult pending = method.refund(context(), requests.refund(refundId, started.gatewayReference(),
                new Amount(400, "EUR")));
        assertEquals(Outcome.PENDING, pending.outcome(), pending.toString());
        assertEquals(refundId, pending.refundId());
        // PayPal's event about a refund it still holds: the refund, fetched again, is still PENDING
        WebhookEvent early = method.receive(context(), paypal.refundEvent(pending.gatewayReference(), Instant.now()));
        assertEquals(Outcome.PENDING, early.refund().outcome(), early.toString());
        assertEquals(refundId, early.refund().refundId());
        paypal.settleRefund(pending.gatewayReference());
        WebhookEvent refunded = method.receive(context(), paypal.refundEvent(pending.gatewayReference(), Instant.now()));
        assertEquals(Outcome.SUCCEEDED, refunded.refund().outcome(), refunded.toString());
        assertEquals(refundId, refunded.refund().refundId());
        assertEquals(400, paypal.refundAmount(pending.gatewayReference()).orElseThrow());
    }

    @Test
    void refundingMoreThanIsLeftIsAFailedRefundNotAnException() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, TEN_EUR, requests.newCustomer(), false));
        paypal.approve(started.gatewayReference());
        method.paymentStatus(context(), started.gatewayReference(), attempt);
        method.refund(context(), requests.refund(ContractRequests.id("ref"), started.gatewayReference(), TEN_EUR));
        RefundResult again = method.refund(context(), requests.refund(ContractRequests.id("ref"),
                started.gatewayReference(), TEN_EUR));
        assertEquals(Outcome.DECLINED, again.outcome(), again.toString());
        assertNotNull(again.reasonCode());
    }

    @Test
    void aSecretPayPalRefusesIsADeclineWithPayPalsCodeNotAnUnknown() {
        Map<String, String> wrong = new java.util.HashMap<>(paypal.credentials());
        wrong.put("clientSecret", "EWrongSecret000000000000000000000000000000");
        MethodContext context = new MethodContext("flow", wrong, paypal.operatorSettings(), HttpSettings.DEFAULT,
                Clock.systemUTC(), System.getLogger("test"));
        String attempt = ContractRequests.id("att");
        PaymentResult refused = method.pay(context, requests.payment(attempt, TEN_EUR, requests.newCustomer(), false));
        assertEquals(Outcome.DECLINED, refused.outcome(), refused.toString());
        assertEquals("invalid_client", refused.reasonCode());
        assertEquals(attempt, refused.attemptId());
    }

    @Test
    void hufAndTwdAreTakenInWholeUnitsOnly() {
        assertTrue(method.accepts(new Amount(100_000, "HUF")));
        assertEquals(false, method.accepts(new Amount(100_050, "HUF")));
        assertEquals(false, method.accepts(new Amount(1_000, "ISK")), "PayPal has no ISK");
        PaymentResult started = method.pay(context(), requests.payment(ContractRequests.id("att"),
                new Amount(100_000, "HUF"), requests.newCustomer(), false));
        assertEquals(Outcome.ACTION_REQUIRED, started.outcome(), started.toString());
        assertEquals(100_000, paypal.orderAmount(started.gatewayReference()).orElseThrow());
    }
}
