package dev.kassa.plugin.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.param.checkout.SessionCreateParams;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.stripe.CheckoutSessionView;
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.StripeFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's hosted page (Checkout Sessions) for customers with a return URL, beyond the contract. */
class StripeCheckoutTest {
    private static final String BACK = "https://client.example.com/payments?top_up=top_1";
    private static final String GAVE_UP = "https://client.example.com/top-up";
    private static StripeFake stripe;
    private final StripeCardMethod method = new StripeCardMethod();
    private final ContractRequests requests = new ContractRequests("acme");

    @BeforeAll
    static void startFake() {
        stripe = new StripeFake().start();
    }

    @AfterAll
    static void stopFake() {
        stripe.close();
    }

    @BeforeEach
    void reset() {
        stripe.reset();
    }

    @Test
    void aPaymentWithAReturnUrlIsACheckoutSessionForExactlyTheAmountInStripesUnits() {
        String attempt = ContractRequests.id("att");
        PaymentRequest request = requests.payment(attempt, new Amount(5_000, "ISK"), requests.newCustomer(), false)
                .withReturnUrls(BACK, GAVE_UP);

        PaymentResult result = method.pay(context(), request);

        assertEquals(Outcome.ACTION_REQUIRED, result.outcome(), result::toString);
        assertEquals(NextAction.Kind.REDIRECT, result.nextAction().kind());
        assertTrue(result.gatewayReference().startsWith("cs_"), result::toString);
        assertEquals(attempt, result.attemptId());
        CheckoutSessionView session = stripe.checkoutSession(result.gatewayReference()).orElseThrow();
        assertEquals(session.url(), result.nextAction().redirectUrl());
        assertEquals("payment", session.mode());
        assertEquals(500_000, session.amount(), "Stripe counts ISK in hundredths");
        assertEquals(5_000, session.isoAmount());
        assertEquals("isk", session.currency());
        assertEquals(attempt, session.clientReferenceId());
        assertEquals(attempt, session.metadata().get("kassa_attempt"));
        assertEquals("acme", session.metadata().get("kassa_tenant"));
        assertEquals(attempt, session.intentMetadata().get("kassa_attempt"),
                "the PaymentIntent's events name the attempt");
        assertNull(session.setupFutureUsage());
        assertEquals(BACK, session.successUrl());
        assertEquals(GAVE_UP, session.cancelUrl());
        assertEquals(attempt, session.idempotencyKey());
        assertEquals(result.customerReference(), session.customer());
        assertEquals(stripe.customers(), java.util.List.of(session.customer()));
        assertEquals(0, stripe.paymentIntents().size(), "Stripe makes the PaymentIntent when the customer pays");
    }

    @Test
    void aCardKeptWhilePayingOnThePageComesWithTheSessionsEventAndTheIntentsToo() {
        String attempt = ContractRequests.id("att");
        Customer customer = requests.newCustomer();
        PaymentResult started = method.pay(context(),
                requests.payment(attempt, new Amount(1_250, "EUR"), customer, true).withReturnUrls(BACK, null));
        CheckoutSessionView session = stripe.checkoutSession(started.gatewayReference()).orElseThrow();
        assertEquals("off_session", session.setupFutureUsage());
        assertNull(session.cancelUrl());

        assertEquals(BACK, stripe.customerPaysOnPage(session.id()));

        String intent = stripe.checkoutSession(session.id()).orElseThrow().paymentIntent();
        WebhookEvent completed = method.receive(context(), stripe.sessionEvent(session.id(), Instant.now())
                .toWebhookRequest());
        assertEquals("checkout.session.completed", completed.type());
        PaymentResult paid = completed.payment();
        assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid::toString);
        assertEquals(intent, paid.gatewayReference(), "the PaymentIntent, which refunds need");
        assertEquals(new Amount(1_250, "EUR"), paid.received());
        assertEquals(attempt, paid.attemptId());
        assertNotNull(paid.savedMethod(), "the card kept");
        assertEquals("4242", paid.savedMethod().last4());
        assertEquals("US", paid.savedMethod().country(), "the card issuer's country, evidence of location");
        assertEquals(stripe.paymentIntent(intent).orElseThrow().paymentMethod(), paid.savedMethod().token());

        PaymentResult byIntent = method.receive(context(), stripe.paymentEvent(intent, Instant.now())
                .toWebhookRequest()).payment();
        assertEquals(Outcome.SUCCEEDED, byIntent.outcome());
        assertEquals(attempt, byIntent.attemptId(), "either event finds the attempt");
        assertEquals(paid.gatewayReference(), byIntent.gatewayReference());

        PaymentResult asked = method.paymentStatus(context(), session.id(), attempt);
        assertEquals(Outcome.SUCCEEDED, asked.outcome(), asked::toString);
        assertEquals(intent, asked.gatewayReference());
        assertEquals(paid.savedMethod(), asked.savedMethod());
    }

    @Test
    void threeDSecureOnThePageComesBeforeThePayment() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), browserPayment(attempt));
        String session = started.gatewayReference();

        String authentication = stripe.customerPaysOnPage(session, "4000 0027 6000 3184");
        assertTrue(authentication.endsWith(session + "/authenticate"), authentication);
        PaymentResult waiting = method.paymentStatus(context(), session, attempt);
        assertEquals(Outcome.ACTION_REQUIRED, waiting.outcome(), waiting::toString);
        assertEquals(started.nextAction().redirectUrl(), waiting.nextAction().redirectUrl(), "still the hosted page");

        assertEquals(BACK, stripe.customerAuthenticatesOnPage(session, true));
        PaymentResult paid = method.paymentStatus(context(), session, attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome(), paid::toString);
        assertTrue(paid.gatewayReference().startsWith("pi_"));
        assertNull(paid.savedMethod(), "nothing was to be kept");
    }

    @Test
    void aDeclineOnThePageIsTheBanksReasonAndAnExpiryIsItsOwn() {
        String attempt = ContractRequests.id("att");
        String session = method.pay(context(), browserPayment(attempt)).gatewayReference();

        assertEquals(GAVE_UP, stripe.customerDeclinesOnPage(session));
        PaymentResult declined = method.paymentStatus(context(), session, attempt);
        assertEquals(Outcome.DECLINED, declined.outcome(), declined::toString);
        assertEquals("generic_decline", declined.reasonCode());
        assertEquals("Your card was declined.", declined.reason());
        assertEquals(attempt, declined.attemptId());
        PaymentIntentView intent = stripe.paymentIntent(declined.gatewayReference()).orElseThrow();
        assertEquals(attempt, intent.metadata().get("kassa_attempt"));
        PaymentResult failedEvent = method.receive(context(), stripe.paymentEvent(intent.id(), Instant.now())
                .toWebhookRequest()).payment();
        assertEquals(Outcome.DECLINED, failedEvent.outcome());
        assertEquals(attempt, failedEvent.attemptId());

        stripe.expireSession(session);
        WebhookEvent expired = method.receive(context(),
                stripe.sessionEvent(session, Instant.now()).toWebhookRequest());
        assertEquals("checkout.session.expired", expired.type());
        assertEquals(Outcome.DECLINED, expired.payment().outcome());
        assertEquals("payment_page_expired", expired.payment().reasonCode());
        assertEquals("Payment page expired", expired.payment().reason());
        assertEquals(attempt, expired.payment().attemptId());
        assertEquals("payment_page_expired", method.paymentStatus(context(), session, attempt).reasonCode());
    }

    @Test
    void aDelayedPaymentIsPendingUntilItsAsyncEvent() {
        String attempt = ContractRequests.id("att");
        String session = method.pay(context(), browserPayment(attempt)).gatewayReference();
        stripe.nextPaymentProcessing();
        assertEquals(BACK, stripe.customerPaysOnPage(session));

        WebhookEvent completed = method.receive(context(),
                stripe.sessionEvent(session, Instant.now()).toWebhookRequest());
        assertEquals(Outcome.PENDING, completed.payment().outcome(), completed::toString);
        assertEquals(attempt, completed.payment().attemptId());
        assertEquals(Outcome.PENDING, method.paymentStatus(context(), session, attempt).outcome());

        WebhookEvent failed = method.receive(context(),
                stripe.delivery("checkout.session.async_payment_failed", session, Instant.now()).toWebhookRequest());
        assertEquals(Outcome.DECLINED, failed.payment().outcome());
        assertEquals("async_payment_failed", failed.payment().reasonCode());
        assertEquals(attempt, failed.payment().attemptId());
    }

    @Test
    void aCardAddedOnThePageIsASetupModeSession() {
        String savedMethod = ContractRequests.id("spm");
        SetupRequest request = requests.setup(savedMethod, requests.newCustomer()).withReturnUrls(BACK, GAVE_UP);

        SetupResult started = method.setUp(context(), request);

        assertEquals(Outcome.ACTION_REQUIRED, started.outcome(), started::toString);
        assertEquals(NextAction.Kind.REDIRECT, started.nextAction().kind());
        assertEquals(savedMethod, started.savedMethodId());
        CheckoutSessionView session = stripe.checkoutSession(started.gatewayReference()).orElseThrow();
        assertEquals("setup", session.mode());
        assertEquals(savedMethod, session.clientReferenceId());
        assertEquals(savedMethod, session.intentMetadata().get("kassa_saved_method"));
        assertEquals(savedMethod, session.idempotencyKey());
        assertEquals(started.customerReference(), session.customer());

        assertEquals(BACK, stripe.customerPaysOnPage(session.id()));
        WebhookEvent completed = method.receive(context(), stripe.sessionEvent(session.id(), Instant.now())
                .toWebhookRequest());
        SetupResult saved = completed.setup();
        assertNotNull(saved, completed::toString);
        assertEquals(Outcome.SUCCEEDED, saved.outcome(), saved::toString);
        assertEquals(savedMethod, saved.savedMethodId());
        assertEquals("4242", saved.method().last4());
        String setupIntent = stripe.checkoutSession(session.id()).orElseThrow().setupIntent();
        assertEquals(setupIntent, saved.gatewayReference());
        assertEquals(saved.method(), method.setupStatus(context(), session.id()).method());
        assertEquals(savedMethod, method.receive(context(), stripe.setupEvent(setupIntent, Instant.now())
                .toWebhookRequest()).setup().savedMethodId(), "the SetupIntent's event names the saved method too");
    }

    @Test
    void anExpiredSetUpPageFails() {
        SetupResult started = method.setUp(context(), requests.setup(ContractRequests.id("spm"), requests.newCustomer())
                .withReturnUrls(BACK, null));
        stripe.expireSession(started.gatewayReference());
        SetupResult expired = method.setupStatus(context(), started.gatewayReference());
        assertEquals(Outcome.DECLINED, expired.outcome());
        assertEquals("payment_page_expired", expired.reasonCode());
    }

    @Test
    void apiClientsAndSavedCardsKeepThePaymentIntentAndItsClientSecret() {
        PaymentResult api = method.pay(context(), requests.payment(ContractRequests.id("att"), new Amount(1_000, "EUR"),
                requests.newCustomer(), false));
        assertEquals(NextAction.Kind.CLIENT_SECRET, api.nextAction().kind());
        assertTrue(api.gatewayReference().startsWith("pi_"));
        SetupResult apiSetup = method.setUp(context(),
                requests.setup(ContractRequests.id("spm"), requests.newCustomer()));
        assertTrue(apiSetup.gatewayReference().startsWith("seti_"));
        assertEquals(0, stripe.checkoutSessions().size());
    }

    @Test
    void thePageSpeaksTheCustomersLanguageWhenStripeHasIt() {
        assertEquals(SessionCreateParams.Locale.FR, StripeCheckout.locale("fr"));
        assertEquals(SessionCreateParams.Locale.FR_CA, StripeCheckout.locale("fr-CA"));
        assertEquals(SessionCreateParams.Locale.DE, StripeCheckout.locale("de-AT"));
        assertEquals(SessionCreateParams.Locale.AUTO, StripeCheckout.locale("tlh"));
        assertEquals(SessionCreateParams.Locale.AUTO, StripeCheckout.locale(null));
    }

    private PaymentRequest browserPayment(String attempt) {
        return requests.payment(attempt, new Amount(4_200, "EUR"), requests.newCustomer(), false)
                .withReturnUrls(BACK, GAVE_UP);
    }

    private static MethodContext context() {
        return new MethodContext("acme", stripe.credentials(), stripe.operatorSettings(),
                new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC(),
                System.getLogger("test"));
    }
}
