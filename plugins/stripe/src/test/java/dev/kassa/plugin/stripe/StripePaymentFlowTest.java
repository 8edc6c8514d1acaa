package dev.kassa.plugin.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.param.PaymentIntentCreateParams;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.testkit.contract.ContractRequests;
import dev.kassa.testkit.stripe.Endpoint;
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.StripeFake;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the plugin sends to Stripe, and how it reads the answers, beyond the contract. */
class StripePaymentFlowTest {
    private static StripeFake stripe;
    private final StripeCardMethod method = new StripeCardMethod();
    private final ContractRequests requests = new ContractRequests("acme");
    private final Amount amount = new Amount(1_250, "EUR");

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
    void payCreatesTheCustomerAndAnIntentForStripeJs() {
        Customer customer = requests.newCustomer();
        String attempt = ContractRequests.id("att");
        PaymentRequest request = requests.payment(attempt, amount, customer, true);

        PaymentResult result = method.pay(context(), request);

        assertEquals(Outcome.ACTION_REQUIRED, result.outcome());
        assertEquals(NextAction.Kind.CLIENT_SECRET, result.nextAction().kind());
        assertTrue(result.nextAction().clientSecret().startsWith(result.gatewayReference() + "_secret_"));
        assertEquals(Map.of("publishableKey", StripeFake.PUBLISHABLE_KEY), result.nextAction().data());
        assertEquals(attempt, result.attemptId());
        assertEquals(stripe.customers(), List.of(result.customerReference()));

        PaymentIntentView intent = stripe.paymentIntent(result.gatewayReference()).orElseThrow();
        assertEquals(1_250, intent.amount());
        assertEquals("eur", intent.currency());
        assertEquals(result.customerReference(), intent.customer());
        assertEquals(request.metadata(), intent.metadata());
        assertEquals("off_session", intent.setupFutureUsage());
        assertEquals(List.of("kassa-customer-" + customer.accountId(), attempt), stripe.idempotencyKeys());

        Map<String, String> sent = form(lastPost("/v1/payment_intents"));
        assertEquals("true", sent.get("automatic_payment_methods[enabled]"));
        assertFalse(sent.containsKey("automatic_payment_methods[allow_redirects]"), "3-D Secure redirects must work");
        assertFalse(sent.containsKey("confirm"));
        assertEquals("Top-up of the customer balance", sent.get("description"));
        assertNull(Stripe.apiKey, "no static configuration");
    }

    @Test
    void aKnownCustomerIsNotCreatedAgain() {
        PaymentResult first = method.pay(context(), requests.payment(ContractRequests.id("att"), amount,
                requests.newCustomer(), false));
        Customer known = requests.newCustomer().withGatewayReference(first.customerReference());
        PaymentResult second = method.pay(context(), requests.payment(ContractRequests.id("att"), amount, known, false));
        assertEquals(first.customerReference(), second.customerReference());
        assertEquals(1, stripe.customers().size());
    }

    @Test
    void threeDSecureRedirectThenSuccess() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, amount, requests.newCustomer(), false));
        stripe.nextPaymentRequiresAction();
        stripe.customerConfirms(started.gatewayReference());

        PaymentResult challenged = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.ACTION_REQUIRED, challenged.outcome());
        NextAction redirect = challenged.nextAction();
        assertEquals(NextAction.Kind.REDIRECT, redirect.kind());
        assertEquals(stripe.baseUrl() + "/3ds/" + started.gatewayReference(), redirect.redirectUrl());
        assertEquals(started.nextAction().clientSecret(), redirect.data().get("clientSecret"));
        assertEquals(StripeFake.PUBLISHABLE_KEY, redirect.data().get("publishableKey"));

        stripe.customerConfirms(started.gatewayReference());
        PaymentResult paid = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome());
        assertEquals(amount, paid.received());
    }

    @Test
    void aSavedCardComesBackWithTheSuccessfulPayment() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, amount, requests.newCustomer(), true));
        stripe.customerConfirms(started.gatewayReference());
        PaymentResult paid = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(Outcome.SUCCEEDED, paid.outcome());
        assertNotNull(paid.savedMethod(), "the card saved with the payment");
        assertEquals("visa", paid.savedMethod().brand());
        assertEquals("4242", paid.savedMethod().last4());
        assertTrue(stripe.isAttached(paid.savedMethod().token()));
    }

    @Test
    void statusWithoutReferenceFindsTheIntentByItsAttempt() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, amount, requests.newCustomer(), false));
        PaymentResult found = method.paymentStatus(context(), null, attempt);
        assertEquals(started.gatewayReference(), found.gatewayReference());
        assertEquals(Outcome.ACTION_REQUIRED, found.outcome());

        PaymentResult none = method.paymentStatus(context(), null, ContractRequests.id("att"));
        assertEquals(Outcome.UNKNOWN, none.outcome());
        assertNull(none.gatewayReference());
    }

    @Test
    void aPaymentFoundByItsAttemptBringsTheCardSavedWithIt() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, amount, requests.newCustomer(), true));
        stripe.customerConfirms(started.gatewayReference());
        PaymentResult found = method.paymentStatus(context(), null, attempt);
        assertEquals(Outcome.SUCCEEDED, found.outcome());
        assertEquals(started.gatewayReference(), found.gatewayReference());
        assertNotNull(found.savedMethod(), "the card saved with the payment");
        assertEquals("4242", found.savedMethod().last4());
    }

    @Test
    void iskGoesToStripeInHundredthsAndComesBackInKronur() {
        Amount iskAmount = new Amount(5_000, "ISK");
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, iskAmount, requests.newCustomer(),
                false));
        PaymentIntentView intent = stripe.paymentIntent(started.gatewayReference()).orElseThrow();
        assertEquals(500_000, intent.amount(), "5,000 ISK in Stripe's hundredths");
        assertEquals("isk", intent.currency());

        stripe.customerConfirms(started.gatewayReference());
        PaymentResult asked = method.paymentStatus(context(), started.gatewayReference(), attempt);
        assertEquals(iskAmount, asked.received());
        PaymentResult searched = method.paymentStatus(context(), null, attempt);
        assertEquals(iskAmount, searched.received());
        var webhook = method.receive(context(), stripe.paymentEvent(started.gatewayReference(),
                Clock.systemUTC().instant()).toWebhookRequest());
        assertEquals(iskAmount, webhook.payment().received());

        RefundResult refunded = method.refund(context(), requests.refund(ContractRequests.id("ref"),
                started.gatewayReference(), new Amount(1_000, "ISK")));
        assertEquals(Outcome.SUCCEEDED, refunded.outcome(), refunded.toString());
        assertEquals(100_000, stripe.refund(refunded.gatewayReference()).orElseThrow().amount());
    }

    @Test
    void anAmountStripeCannotTakeExactlyIsNeitherRoundedNorSent() {
        Amount odd = new Amount(42_425, "KWD");
        assertFalse(method.accepts(odd));
        assertTrue(method.accepts(new Amount(42_420, "KWD")));
        int before = stripe.paymentIntents().size();

        PaymentResult refused = method.pay(context(), requests.payment(ContractRequests.id("att"), odd,
                requests.newCustomer(), false));
        assertEquals(Outcome.DECLINED, refused.outcome());
        assertEquals("amount_not_representable", refused.reasonCode());
        assertTrue(refused.reason().contains("steps of 0.010"), refused.reason());
        assertEquals(before, stripe.paymentIntents().size(), "nothing reached Stripe");

        Customer customer = requests.newCustomer();
        SetupResult card = savedCard(customer);
        PaymentResult offSession = method.payOffSession(context(), requests.payment(ContractRequests.id("att"), odd,
                customer.withGatewayReference(card.customerReference()), false, card.method().token()));
        assertEquals(Outcome.DECLINED, offSession.outcome());
        assertEquals(before, stripe.paymentIntents().size(), "nothing reached Stripe");

        Amount kwd = new Amount(42_420, "KWD");
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, kwd, requests.newCustomer(), false));
        stripe.customerConfirms(started.gatewayReference());
        assertEquals(kwd, method.paymentStatus(context(), started.gatewayReference(), attempt).received());
        RefundResult oddRefund = method.refund(context(), requests.refund(ContractRequests.id("ref"),
                started.gatewayReference(), new Amount(1_005, "KWD")));
        assertEquals(Outcome.DECLINED, oddRefund.outcome());
        assertEquals("amount_not_representable", oddRefund.reasonCode());
        assertTrue(stripe.refunds().isEmpty(), "no refund reached Stripe");
    }

    @Test
    void theFakeRefusesWhatStripeRefuses() {
        // A plugin that forgot to convert would send 4,242 ISK as 4242 hundredths: Stripe says no.
        Map<String, String> credentials = stripe.credentials();
        StripeClient client = StripeClient.builder().setApiKey(credentials.get("secretKey"))
                .setApiBase(stripe.baseUrl()).build();
        InvalidRequestException isk = assertThrows(
                InvalidRequestException.class, () -> client.paymentIntents().create(
                        PaymentIntentCreateParams.builder().setAmount(4_242L).setCurrency("isk")
                                .build()));
        assertEquals("invalid_charge_amount_no_decimal_compatible", isk.getCode());
        InvalidRequestException kwd = assertThrows(
                InvalidRequestException.class, () -> client.paymentIntents().create(
                        PaymentIntentCreateParams.builder().setAmount(42_425L).setCurrency("kwd")
                                .build()));
        assertEquals("invalid_charge_amount", kwd.getCode());
    }

    @Test
    void offSessionPaymentNeedingAuthenticationWaitsForTheCustomer() {
        Customer customer = requests.newCustomer();
        SetupResult card = savedCard(customer);
        String attempt = ContractRequests.id("att");
        stripe.nextOffSessionNeedsAuthentication();

        PaymentResult result = method.payOffSession(context(), requests.payment(attempt, amount,
                customer.withGatewayReference(card.customerReference()), false, card.method().token()));

        assertEquals(Outcome.ACTION_REQUIRED, result.outcome(), result.toString());
        PaymentIntentView intent = stripe.paymentIntentOfAttempt(attempt).orElseThrow();
        assertEquals(intent.id(), result.gatewayReference());
        assertEquals(NextAction.Kind.CLIENT_SECRET, result.nextAction().kind());
        assertEquals(attempt, result.attemptId());
        assertEquals("authentication_required", intent.errorCode());
        // asked later, Stripe's state (requires_payment_method after authentication_required) reads the same
        assertEquals(Outcome.ACTION_REQUIRED, method.paymentStatus(context(), intent.id(), attempt).outcome());

        Map<String, String> sent = form(lastPost("/v1/payment_intents"));
        assertEquals("true", sent.get("off_session"));
        assertEquals("true", sent.get("confirm"));
        assertEquals(card.method().token(), sent.get("payment_method"));
        assertEquals("never", sent.get("automatic_payment_methods[allow_redirects]"));
    }

    @Test
    void offSessionDeclineIsDeclined() {
        Customer customer = requests.newCustomer();
        SetupResult card = savedCard(customer);
        stripe.nextPaymentDeclines("insufficient_funds");
        PaymentResult result = method.payOffSession(context(), requests.payment(ContractRequests.id("att"), amount,
                customer.withGatewayReference(card.customerReference()), false, card.method().token()));
        assertEquals(Outcome.DECLINED, result.outcome());
        assertEquals("insufficient_funds", result.reasonCode());
        assertEquals("Your card has insufficient funds.", result.reason());
        assertNotNull(result.gatewayReference(), "the declined intent's id");
    }

    @Test
    void refusedRequestsAreDeclinedAndOutagesUnknown() {
        Customer stranger = requests.newCustomer().withGatewayReference("cus_doesNotExist");
        PaymentResult refused = method.pay(context(), requests.payment(ContractRequests.id("att"), amount, stranger, false));
        assertEquals(Outcome.DECLINED, refused.outcome());
        assertEquals("resource_missing", refused.reasonCode());

        Map<String, String> badKey = new HashMap<>(stripe.credentials());
        badKey.put("secretKey", "not-a-stripe-key");
        PaymentResult unauthorized = method.pay(context(badKey, stripe.operatorSettings()),
                requests.payment(ContractRequests.id("att"), amount, requests.newCustomer(), false));
        assertEquals(Outcome.DECLINED, unauthorized.outcome());
        assertEquals("authentication_error", unauthorized.reasonCode());

        PaymentResult unreachable = method.pay(context(stripe.credentials(), Map.of("API_BASE", "http://127.0.0.1:9")),
                requests.payment(ContractRequests.id("att"), amount, requests.newCustomer(), false));
        assertEquals(Outcome.UNKNOWN, unreachable.outcome());
    }

    @Test
    void refundsAndTheirFailures() {
        PaymentResult paid = paid();
        stripe.nextRefundFails("expired_or_canceled_card");
        RefundResult failed = method.refund(context(), requests.refund(ContractRequests.id("ref"),
                paid.gatewayReference(), new Amount(100, "EUR")));
        assertEquals(Outcome.DECLINED, failed.outcome());
        assertEquals("expired_or_canceled_card", failed.reasonCode());

        String refundId = ContractRequests.id("ref");
        RefundResult tooMuch = method.refund(context(), requests.refund(refundId, paid.gatewayReference(),
                new Amount(amount.minor() + 1, "EUR")));
        assertEquals(Outcome.DECLINED, tooMuch.outcome());
        assertEquals("amount_too_large", tooMuch.reasonCode());
        assertEquals(refundId, tooMuch.refundId());

        stripe.failNextWith500(Endpoint.CREATE_REFUND);
        RefundResult outage = method.refund(context(), requests.refund(ContractRequests.id("ref"),
                paid.gatewayReference(), new Amount(100, "EUR")));
        assertEquals(Outcome.UNKNOWN, outage.outcome());

        String okId = ContractRequests.id("ref");
        RefundResult ok = method.refund(context(), requests.refund(okId, paid.gatewayReference(), new Amount(100, "EUR")));
        assertEquals(Outcome.SUCCEEDED, ok.outcome());
        assertEquals(okId, stripe.refund(ok.gatewayReference()).orElseThrow().metadata().get("kassa_refund"));
        assertEquals(okId, method.refundStatus(context(), ok.gatewayReference()).orElseThrow().refundId());
    }

    @Test
    void refundWebhooksCarryTheRefundId() {
        PaymentResult paid = paid();
        stripe.nextRefundPending();
        String refundId = ContractRequests.id("ref");
        RefundResult pending = method.refund(context(), requests.refund(refundId, paid.gatewayReference(), amount));
        assertEquals(Outcome.PENDING, pending.outcome());
        var updated = method.receive(context(), stripe.refundEvent(pending.gatewayReference(),
                Clock.systemUTC().instant()).toWebhookRequest());
        assertEquals("refund.updated", updated.type());
        assertEquals(Outcome.PENDING, updated.refund().outcome());
        assertEquals(refundId, updated.refund().refundId());

        stripe.settleRefund(pending.gatewayReference());
        var refunded = method.receive(context(), stripe.refundEvent(pending.gatewayReference(),
                Clock.systemUTC().instant()).toWebhookRequest());
        assertEquals("charge.refunded", refunded.type());
        assertEquals(Outcome.SUCCEEDED, refunded.refund().outcome());
        assertEquals(pending.gatewayReference(), refunded.refund().gatewayReference());
        assertEquals(refundId, refunded.refund().refundId());
    }

    @Test
    void removeDetachesAndForgivesWhatIsAlreadyGone() {
        SetupResult card = savedCard(requests.newCustomer());
        String token = card.method().token();
        assertTrue(stripe.isAttached(token));
        method.remove(context(), token);
        assertFalse(stripe.isAttached(token));
        method.remove(context(), token);
        method.remove(context(), "pm_neverExisted");
        stripe.failNextWith500(Endpoint.DETACH_PAYMENT_METHOD);
        assertThrows(UncheckedIOException.class, () -> method.remove(context(), token));
    }

    @Test
    void setUpAsksForTheCardAndKeysTheIntentByTheSavedMethod() {
        Customer customer = requests.newCustomer();
        String savedMethodId = ContractRequests.id("sm");
        SetupResult started = method.setUp(context(), requests.setup(savedMethodId, customer));
        assertEquals(Outcome.ACTION_REQUIRED, started.outcome());
        assertEquals(savedMethodId, started.savedMethodId());
        assertNotNull(started.customerReference());
        assertEquals(savedMethodId, stripe.setupIntent(started.gatewayReference()).orElseThrow().idempotencyKey());
        assertEquals("off_session", form(lastPost("/v1/setup_intents")).get("usage"));

        stripe.nextSetupFails("expired_card");
        stripe.customerConfirmsSetup(started.gatewayReference());
        SetupResult failed = method.setupStatus(context(), started.gatewayReference());
        assertEquals(Outcome.DECLINED, failed.outcome());
        assertEquals("expired_card", failed.reasonCode());
        assertEquals("Your card has expired.", failed.reason());
    }

    private SetupResult savedCard(Customer customer) {
        SetupResult started = method.setUp(context(), requests.setup(ContractRequests.id("sm"), customer));
        stripe.customerConfirmsSetup(started.gatewayReference());
        SetupResult done = method.setupStatus(context(), started.gatewayReference());
        assertEquals(Outcome.SUCCEEDED, done.outcome(), done.toString());
        return done;
    }

    private PaymentResult paid() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = method.pay(context(), requests.payment(attempt, amount, requests.newCustomer(), false));
        stripe.customerConfirms(started.gatewayReference());
        return method.paymentStatus(context(), started.gatewayReference(), attempt);
    }

    private static LoggedRequest lastPost(String path) {
        List<LoggedRequest> posts = stripe.wireMock().findAll(postRequestedFor(urlPathEqualTo(path))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8")));
        assertFalse(posts.isEmpty(), "no POST " + path);
        return posts.get(posts.size() - 1);
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static MethodContext context() {
        return context(stripe.credentials(), stripe.operatorSettings());
    }

    private static MethodContext context(Map<String, String> credentials, Map<String, String> settings) {
        return new MethodContext("acme", credentials, settings, new HttpSettings(Duration.ofSeconds(2),
                Duration.ofSeconds(5)), Clock.systemUTC(), System.getLogger("test"));
    }
}
