package dev.kassa.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.HttpSettings;
import dev.kassa.api.payment.InvalidWebhookException;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.MethodInfo;
import dev.kassa.api.payment.OffSessionPayments;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.api.payment.SetupResult;
import dev.kassa.api.payment.StatusQuery;
import dev.kassa.api.payment.WebhookEvent;
import dev.kassa.api.payment.WebhookReceiver;
import dev.kassa.api.payment.WebhookRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contract every payment plugin keeps, run against the plugin's gateway fake. A plugin's test
 * extends this class, hands over its method and a {@link ContractGateway} over its fake, and
 * inherits the cases; cases for abilities the method lacks ({@link StatusQuery},
 * {@link WebhookReceiver}, {@link Refunds}, {@link SavedMethods}, {@link OffSessionPayments}) are
 * skipped.
 *
 * <pre>{@code
 * class StripeContractTest extends PaymentMethodContract {
 *     static StripeFake stripe = new StripeFake().start();
 *     protected PaymentMethod method() { return new StripeCardMethod(); }
 *     protected ContractGateway gateway() { return new StripeContractGateway(stripe); }
 * }
 * }</pre>
 *
 * <p>What it holds the plugin to: a decline is a result, never an exception; a timeout or a 5xx
 * is {@link Outcome#UNKNOWN} and {@link StatusQuery} resolves it later; the platform's ids reach
 * the gateway as idempotency keys; webhooks are refused unless signed, untampered and recent by
 * {@link MethodContext#clock()}; each event keeps its id when delivered twice; amounts come back
 * exactly as asked, in ISO 4217 minor units, also in currencies a gateway counts otherwise
 * (zero-decimal JPY, ISK which Stripe counts in hundredths, three-decimal KWD), and an amount the
 * method cannot take exactly is refused, never rounded. A method with a hosted page sends a
 * customer with a return URL there (a redirect), and the page's payment, decline, expiry and saved
 * method read as any other; a method without one skips those cases.
 */
public abstract class PaymentMethodContract {
    /** The read timeout of the "late answer" case; the gateway answers {@link #LATE} later. */
    protected static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(1_000);
    protected static final Duration LATE = Duration.ofMillis(3_000);

    protected final ContractRequests requests = new ContractRequests("contract");

    /** The method under test (a fresh instance or a shared one: methods are stateless). */
    protected abstract PaymentMethod method();

    /** The plugin's gateway fake, seen through the contract's eyes. */
    protected abstract ContractGateway gateway();

    /** The amount the cases pay: 42.00 in a currency the method takes. */
    protected Amount amount() {
        MethodInfo info = method().info();
        String currency = info.takesCurrency("EUR") ? "EUR" : info.currencies().iterator().next();
        return new Amount(4_200, currency);
    }

    /** Timeouts for normal calls. */
    protected HttpSettings http() {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    protected MethodContext context() {
        return context(Clock.systemUTC(), http());
    }

    protected MethodContext context(Clock clock, HttpSettings http) {
        return new MethodContext("contract", gateway().credentials(), gateway().operatorSettings(), http, clock,
                System.getLogger("dev.kassa.testkit.contract"));
    }

    /**
     * {@link #gateway()}, where an ability the fake lacks ({@link UnsupportedOperationException})
     * skips the case instead of failing it.
     */
    private ContractGateway gatewayOrSkip() {
        ContractGateway gateway = gateway();
        return (ContractGateway) Proxy.newProxyInstance(ContractGateway.class.getClassLoader(),
                new Class<?>[] {ContractGateway.class}, (proxy, call, args) -> {
                    try {
                        return call.invoke(gateway, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof UnsupportedOperationException unsupported) {
                            throw new TestAbortedException("the gateway fake cannot do this: " + unsupported.getMessage());
                        }
                        throw e.getCause();
                    }
                });
    }

    @BeforeEach
    void resetGateway() {
        gateway().reset();
    }

    // ---- description and credentials

    @Test
    void infoIsComplete() {
        MethodInfo info = method().info();
        assertAll(
                () -> assertTrue(info.code().matches("[a-z0-9][a-z0-9-]{0,39}"), "code " + info.code()),
                () -> assertFalse(info.name("en").isBlank(), "English name"),
                () -> assertFalse(info.processingTime("en").isBlank(), "English processing time"),
                () -> info.currencies().forEach(c -> assertTrue(c.matches("[A-Z]{3}"), "currency " + c)),
                () -> info.countries().forEach(c -> assertTrue(c.matches("[A-Z]{2}"), "country " + c)),
                () -> assertEquals(info.credentials().size(),
                        info.credentials().stream().map(CredentialField::name).distinct().count(), "unique fields"));
    }

    @Test
    void theFakesCredentialsAreDeclaredAndAccepted() {
        List<CredentialField> declared = method().info().credentials();
        Map<String, String> credentials = gatewayOrSkip().credentials();
        for (CredentialField field : declared) {
            if (field.required()) {
                assertTrue(credentials.containsKey(field.name()), "required credential " + field.name());
            }
        }
        assertEquals(List.of(), method().checkCredentials(credentials));
    }

    @Test
    void garbageCredentialsAreRefusedWithoutEchoingThem() {
        List<CredentialField> declared = method().info().credentials();
        assumeTrue(!declared.isEmpty(), "the method takes no credentials");
        Map<String, String> garbage = new LinkedHashMap<>();
        declared.forEach(field -> garbage.put(field.name(), "garbage value " + field.name()));
        List<CredentialProblem> problems = method().checkCredentials(garbage);
        assertFalse(problems.isEmpty(), "garbage credentials were accepted");
        for (CredentialProblem problem : problems) {
            assertTrue(garbage.containsKey(problem.field()), "problem about an undeclared field " + problem.field());
            assertNotNull(problem.code());
            assertFalse(problem.message().contains("garbage value"), "the message repeats the value");
        }
    }

    // ---- payments

    @Test
    void paymentSucceeds() {
        assumeCanFollowUp();
        String attempt = ContractRequests.id("att");
        PaymentResult started = method().pay(context(), requests.payment(attempt, amount(), requests.newCustomer(), false));
        assertTrue(started.outcome() != Outcome.DECLINED && started.outcome() != Outcome.UNKNOWN,
                "a payment that should succeed started " + started);
        PaymentResult done = complete(started, attempt);
        assertSucceeded(done, attempt);
    }

    @Test
    void declineIsAResultWithAReason() {
        String attempt = ContractRequests.id("att");
        gatewayOrSkip().nextPaymentDeclines();
        PaymentResult result = method().pay(context(), requests.payment(attempt, amount(), requests.newCustomer(), false));
        if (result.outcome() != Outcome.DECLINED) {
            assumeCanFollowUp();
            result = complete(result, attempt);
        }
        assertEquals(Outcome.DECLINED, result.outcome(), result.toString());
        assertTrue(result.reasonCode() != null || result.reason() != null, "a decline says why: " + result);
        assertEquals(null, result.received());
    }

    @Test
    void pendingPaymentSettlesLater() {
        assumeTrue(method() instanceof StatusQuery, "no status queries");
        String attempt = ContractRequests.id("att");
        gatewayOrSkip().nextPaymentSettlesLater();
        PaymentResult result = method().pay(context(), requests.payment(attempt, amount(), requests.newCustomer(), false));
        if (result.outcome() == Outcome.ACTION_REQUIRED) {
            gatewayOrSkip().customerCompletes(result);
            result = status(result.gatewayReference(), attempt);
        }
        assertEquals(Outcome.PENDING, result.outcome(), result.toString());
        gatewayOrSkip().settle(result.gatewayReference());
        assertSucceeded(status(result.gatewayReference(), attempt), attempt);
    }

    @Test
    void lateAnswerIsUnknownThenStatusResolvesIt() {
        assumeTrue(method() instanceof StatusQuery, "no status queries");
        String attempt = ContractRequests.id("att");
        gatewayOrSkip().nextPaymentAnswersLate(LATE);
        long start = System.nanoTime();
        PaymentResult result = method().pay(context(Clock.systemUTC(),
                new HttpSettings(Duration.ofSeconds(2), SHORT_READ_TIMEOUT)), requests.payment(attempt, amount(),
                requests.newCustomer(), false));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Outcome.UNKNOWN, result.outcome(), result.toString());
        assertTrue(waited.compareTo(LATE) < 0, "the read timeout was not applied: waited " + waited);
        PaymentResult resolved = status(result.gatewayReference(), attempt);
        assertNotEquals(Outcome.UNKNOWN, resolved.outcome(), "the gateway carried the payment out: " + resolved);
        assertNotNull(resolved.gatewayReference());
    }

    @Test
    void serverErrorIsUnknownNotAnException() {
        String attempt = ContractRequests.id("att");
        gatewayOrSkip().nextPaymentFailsWithServerError();
        PaymentResult result = method().pay(context(), requests.payment(attempt, amount(), requests.newCustomer(), false));
        assertEquals(Outcome.UNKNOWN, result.outcome(), result.toString());
        if (method() instanceof StatusQuery) {
            PaymentResult asked = status(result.gatewayReference(), attempt);
            assertNotEquals(Outcome.SUCCEEDED, asked.outcome(), "nothing was paid: " + asked);
        }
    }

    @Test
    void theAttemptIdIsTheIdempotencyKey() {
        String attempt = ContractRequests.id("att");
        PaymentRequest request = requests.payment(attempt, amount(), requests.newCustomer(), false);
        PaymentResult first = method().pay(context(), request);
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(attempt), "keys seen: " + gatewayOrSkip().idempotencyKeys());
        PaymentResult again = method().pay(context(), request);
        assertNotNull(again.gatewayReference(), "the repeated attempt got no answer: " + again);
        assertEquals(first.gatewayReference(), again.gatewayReference(), "the same attempt made two payments");
    }

    // ---- webhooks

    @Test
    void webhookReportsThePayment() {
        WebhookReceiver receiver = receiver();
        PaymentResult paid = succeededPayment();
        WebhookEvent event = receiver.receive(context(),
                gatewayOrSkip().paymentWebhook(paid.gatewayReference(), Instant.now()));
        assertNotNull(event.payment(), "the event says nothing about the payment: " + event);
        assertEquals(paid.gatewayReference(), event.payment().gatewayReference());
        assertEquals(Outcome.SUCCEEDED, event.payment().outcome());
        assertEquals(amount(), event.payment().received());
    }

    @Test
    void theSameDeliveryTwiceHasTheSameEventId() {
        WebhookReceiver receiver = receiver();
        PaymentResult paid = succeededPayment();
        WebhookRequest delivery = gatewayOrSkip().paymentWebhook(paid.gatewayReference(), Instant.now());
        WebhookEvent first = receiver.receive(context(), delivery);
        WebhookEvent second = receiver.receive(context(), delivery);
        assertEquals(first.id(), second.id());
        assertEquals(first, second);
        WebhookEvent another = receiver.receive(context(), gatewayOrSkip().paymentWebhook(paid.gatewayReference(), Instant.now()));
        assertNotEquals(first.id(), another.id(), "two events with one id: the platform would drop the second");
    }

    @Test
    void tamperedWebhookIsRefused() {
        WebhookReceiver receiver = receiver();
        PaymentResult paid = succeededPayment();
        WebhookRequest genuine = gatewayOrSkip().paymentWebhook(paid.gatewayReference(), Instant.now());
        byte[] body = genuine.body();
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace(Long.toString(amount().minor()), Long.toString(amount().minor() * 10))
                .getBytes(StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(body, tampered)) {
            tampered = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        }
        WebhookRequest forged = new WebhookRequest(tampered, genuine.headers());
        assertThrows(InvalidWebhookException.class, () -> receiver.receive(context(), forged));
    }

    @Test
    void unsignedWebhookIsRefused() {
        WebhookReceiver receiver = receiver();
        PaymentResult paid = succeededPayment();
        WebhookRequest genuine = gatewayOrSkip().paymentWebhook(paid.gatewayReference(), Instant.now());
        WebhookRequest unsigned = new WebhookRequest(genuine.body(), Map.of("content-type", List.of("application/json")));
        assertThrows(InvalidWebhookException.class, () -> receiver.receive(context(), unsigned));
    }

    @Test
    void webhookAgeIsJudgedByThePlatformClock() {
        WebhookReceiver receiver = receiver();
        assumeTrue(gatewayOrSkip().webhooksAreTimestamped(), "the gateway does not date its webhooks");
        PaymentResult paid = succeededPayment();
        Instant signedAt = Instant.now().minus(Duration.ofHours(3));
        WebhookRequest delivery = gatewayOrSkip().paymentWebhook(paid.gatewayReference(), signedAt);
        MethodContext soonAfter = context(Clock.fixed(signedAt.plusSeconds(60), ZoneOffset.UTC), http());
        assertNotNull(receiver.receive(soonAfter, delivery).payment(), "a 1-minute-old delivery was refused");
        MethodContext tooLate = context(Clock.fixed(signedAt.plus(Duration.ofMinutes(10)), ZoneOffset.UTC), http());
        assertThrows(InvalidWebhookException.class, () -> receiver.receive(tooLate, delivery));
        assertThrows(InvalidWebhookException.class, () -> receiver.receive(context(), delivery));
    }

    // ---- refunds

    @Test
    void fullRefund() {
        Refunds refunds = refunds();
        PaymentResult paid = succeededPayment();
        String refundId = ContractRequests.id("ref");
        RefundResult result = settled(refunds.refund(context(), requests.refund(refundId, paid.gatewayReference(), amount())));
        assertRefunded(result, refundId, amount().minor());
    }

    @Test
    void partialRefund() {
        Refunds refunds = refunds();
        PaymentResult paid = succeededPayment();
        String refundId = ContractRequests.id("ref");
        Amount third = new Amount(amount().minor() / 3, amount().currency());
        RefundResult result = settled(refunds.refund(context(), requests.refund(refundId, paid.gatewayReference(), third)));
        assertRefunded(result, refundId, third.minor());
    }

    @Test
    void pendingRefundSettlesLater() {
        Refunds refunds = refunds();
        assumeTrue(!refunds.refundsByHand(), "refunds are sent by hand");
        PaymentResult paid = succeededPayment();
        gatewayOrSkip().nextRefundSettlesLater();
        String refundId = ContractRequests.id("ref");
        RefundResult pending = refunds.refund(context(), requests.refund(refundId, paid.gatewayReference(), amount()));
        assertEquals(Outcome.PENDING, pending.outcome(), pending.toString());
        gatewayOrSkip().settleRefund(pending.gatewayReference());
        RefundResult now = refunds.refundStatus(context(), pending.gatewayReference())
                .orElseThrow(() -> new AssertionError("no refund status"));
        assertRefunded(now, refundId, amount().minor());
    }

    // ---- currencies counted otherwise

    /**
     * A zero-decimal currency: 4,242 JPY is {@code Amount(4242, "JPY")}; the gateway charges
     * exactly that, the answers and webhooks report it, and it is refunded exactly.
     */
    @Test
    void zeroDecimalCurrencyIsPaidAndRefundedExactly() {
        paidAndRefundedExactly(new Amount(4_242, "JPY"));
    }

    /**
     * ISK has no minor unit in ISO 4217 ({@code Amount(4242, "ISK")} is 4,242 ISK), but a gateway
     * may count it in hundredths, as Stripe does: a plugin that passes ISO minor units on charges
     * 42.42 ISK, which such a gateway refuses.
     */
    @Test
    void specialTwoDecimalCurrencyIsPaidAndRefundedExactly() {
        paidAndRefundedExactly(new Amount(4_242, "ISK"));
    }

    /**
     * A three-decimal currency: 42.420 KWD is paid and refunded exactly. 42.425 KWD, which a
     * gateway may not take (Stripe wants the last digit 0), is either paid exactly too, or
     * refused by {@link PaymentMethod#accepts} and then declined if paid all the same: never
     * rounded.
     */
    @Test
    void threeDecimalCurrencyIsPaidExactlyNeverRounded() {
        paidAndRefundedExactly(new Amount(42_420, "KWD"));
        Amount odd = new Amount(42_425, "KWD");
        if (method().accepts(odd)) {
            paidExactly(odd);
        } else {
            PaymentResult refused = method().pay(context(), requests.payment(ContractRequests.id("att"), odd,
                    requests.newCustomer(), false));
            assertEquals(Outcome.DECLINED, refused.outcome(),
                    "an amount the method does not accept is declined, never rounded: " + refused);
        }
    }

    // ---- saved methods

    @Test
    void savedMethodIsConfirmed() {
        SavedMethods saved = savedMethods();
        String savedMethodId = ContractRequests.id("sm");
        SetupResult done = confirmedSetup(saved, savedMethodId, requests.newCustomer());
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(savedMethodId), "keys seen: " + gatewayOrSkip().idempotencyKeys());
        assertSavedMethod(done, savedMethodId);
    }

    @Test
    void savedMethodIsConfirmedByWebhook() {
        SavedMethods saved = savedMethods();
        WebhookReceiver receiver = receiver();
        String savedMethodId = ContractRequests.id("sm");
        SetupResult started = saved.setUp(context(), requests.setup(savedMethodId, requests.newCustomer()));
        if (started.outcome() == Outcome.ACTION_REQUIRED) {
            gatewayOrSkip().customerCompletesSetup(started);
        }
        WebhookEvent event = receiver.receive(context(), gatewayOrSkip().setupWebhook(started.gatewayReference(), Instant.now()));
        assertNotNull(event.setup(), "the event says nothing about the set-up: " + event);
        assertEquals(started.gatewayReference(), event.setup().gatewayReference());
        assertSavedMethod(event.setup(), savedMethodId);
    }

    @Test
    void savedMethodFails() {
        SavedMethods saved = savedMethods();
        gatewayOrSkip().nextSetupFails();
        SetupResult result = saved.setUp(context(), requests.setup(ContractRequests.id("sm"), requests.newCustomer()));
        if (result.outcome() == Outcome.ACTION_REQUIRED) {
            gatewayOrSkip().customerCompletesSetup(result);
            result = saved.setupStatus(context(), result.gatewayReference());
        }
        assertEquals(Outcome.DECLINED, result.outcome(), result.toString());
        assertTrue(result.reasonCode() != null || result.reason() != null, "a failure says why: " + result);
        assertEquals(null, result.method());
    }

    @Test
    void offSessionPaymentWithASavedMethod() {
        SavedMethods saved = savedMethods();
        assumeTrue(method() instanceof OffSessionPayments, "no off-session payments");
        Customer customer = requests.newCustomer();
        SetupResult setup = confirmedSetup(saved, ContractRequests.id("sm"), customer);
        assertEquals(Outcome.SUCCEEDED, setup.outcome(), setup.toString());
        String attempt = ContractRequests.id("att");
        PaymentResult paid = ((OffSessionPayments) method()).payOffSession(context(), requests.payment(attempt,
                amount(), customer.withGatewayReference(setup.customerReference()), false, setup.method().token()));
        assertSucceeded(paid, attempt);
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(attempt), "keys seen: " + gatewayOrSkip().idempotencyKeys());
        saved.remove(context(), setup.method().token());
        saved.remove(context(), setup.method().token());
    }

    // ---- hosted pages: requests with a return URL

    @Test
    void withAReturnUrlTheCustomerIsSentToTheHostedPage() {
        String attempt = ContractRequests.id("att");
        PaymentRequest request = requests.browserPayment(attempt, amount(), requests.newCustomer(), false);
        PaymentResult started = method().pay(context(), request);
        assumeHostedPage(started);
        java.net.URI page = java.net.URI.create(started.nextAction().redirectUrl());
        assertTrue(page.isAbsolute() && (page.getScheme().equals("https") || page.getScheme().equals("http")),
                "the browser is sent to an absolute URL: " + page);
        assertNotNull(started.gatewayReference(), "the page has a reference to ask about: " + started);
        if (started.attemptId() != null) {
            assertEquals(attempt, started.attemptId());
        }
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(attempt),
                "keys seen: " + gatewayOrSkip().idempotencyKeys());
        PaymentResult again = method().pay(context(), request);
        assertEquals(started.gatewayReference(), again.gatewayReference(), "the same attempt made two pages");
    }

    @Test
    void aPaymentOnTheHostedPageSucceeds() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = startOnHostedPage(attempt, false);
        gatewayOrSkip().customerCompletes(started);
        assertSucceeded(status(started.gatewayReference(), attempt), attempt);
    }

    @Test
    void aPaymentOnTheHostedPageIsReportedByWebhookWithItsAttempt() {
        WebhookReceiver receiver = receiver();
        String attempt = ContractRequests.id("att");
        PaymentResult started = startOnHostedPage(attempt, false);
        gatewayOrSkip().customerCompletes(started);
        WebhookEvent event = receiver.receive(context(),
                gatewayOrSkip().paymentWebhook(started.gatewayReference(), Instant.now()));
        assertNotNull(event.payment(), "the event says nothing about the payment: " + event);
        assertSucceeded(event.payment(), attempt);
        assertTrue(attempt.equals(event.payment().attemptId())
                        || started.gatewayReference().equals(event.payment().gatewayReference()),
                "the event names neither the attempt nor the page the platform knows: " + event);
    }

    @Test
    void aDeclineOnTheHostedPageIsAResultWithAReason() {
        String attempt = ContractRequests.id("att");
        gatewayOrSkip().nextPaymentDeclines();
        PaymentResult started = startOnHostedPage(attempt, false);
        gatewayOrSkip().customerCompletes(started);
        PaymentResult result = status(started.gatewayReference(), attempt);
        assertEquals(Outcome.DECLINED, result.outcome(), result.toString());
        assertTrue(result.reasonCode() != null || result.reason() != null, "a decline says why: " + result);
        assertEquals(null, result.received());
    }

    @Test
    void anExpiredHostedPageIsDeclined() {
        String attempt = ContractRequests.id("att");
        PaymentResult started = startOnHostedPage(attempt, false);
        gatewayOrSkip().expireHostedPage(started.gatewayReference());
        PaymentResult result = status(started.gatewayReference(), attempt);
        assertEquals(Outcome.DECLINED, result.outcome(), result.toString());
        assertTrue(result.reasonCode() != null || result.reason() != null, "an expiry says why: " + result);
        if (result.attemptId() != null) {
            assertEquals(attempt, result.attemptId());
        }
    }

    @Test
    void aMethodSavedOnTheHostedPageIsConfirmed() {
        SavedMethods saved = savedMethods();
        String savedMethodId = ContractRequests.id("sm");
        SetupResult started = saved.setUp(context(), requests.browserSetup(savedMethodId, requests.newCustomer()));
        assumeTrue(started.outcome() == Outcome.ACTION_REQUIRED && started.nextAction() != null
                && started.nextAction().kind() == dev.kassa.api.payment.NextAction.Kind.REDIRECT,
                "the method saves no methods on a hosted page: " + started);
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(savedMethodId),
                "keys seen: " + gatewayOrSkip().idempotencyKeys());
        gatewayOrSkip().customerCompletesSetup(started);
        assertSavedMethod(saved.setupStatus(context(), started.gatewayReference()), savedMethodId);
    }

    /**
     * A payment with return URLs that the method sends to its hosted page: ACTION_REQUIRED with a
     * redirect (skips the case when the method answers otherwise: it has no hosted page).
     */
    protected PaymentResult startOnHostedPage(String attemptId, boolean saveMethod) {
        PaymentResult started = method().pay(context(), requests.browserPayment(attemptId, amount(),
                requests.newCustomer(), saveMethod));
        assumeHostedPage(started);
        return started;
    }

    private static void assumeHostedPage(PaymentResult started) {
        assumeTrue(started.outcome() == Outcome.ACTION_REQUIRED && started.nextAction() != null
                && started.nextAction().kind() == dev.kassa.api.payment.NextAction.Kind.REDIRECT,
                "the method has no hosted page: " + started);
    }

    // ---- helpers for subclasses

    /** A payment carried through to SUCCEEDED (skips the case if the method cannot be followed up). */
    protected PaymentResult succeededPayment() {
        assumeCanFollowUp();
        String attempt = ContractRequests.id("att");
        PaymentResult started = method().pay(context(), requests.payment(attempt, amount(), requests.newCustomer(), false));
        PaymentResult done = complete(started, attempt);
        assertSucceeded(done, attempt);
        return done;
    }

    /**
     * A payment of {@code amount} carried through to SUCCEEDED with exactly that amount received,
     * and charged at the gateway if the fake can tell (skips the case if the method cannot be
     * followed up, does not take the currency or not this amount).
     */
    protected PaymentResult paidExactly(Amount amount) {
        assumeCanFollowUp();
        assumeTrue(method().info().takesCurrency(amount.currency()), "the method does not take " + amount.currency());
        assumeTrue(method().accepts(amount), "the method does not take " + amount + " exactly");
        String attempt = ContractRequests.id("att");
        PaymentResult started = method().pay(context(), requests.payment(attempt, amount, requests.newCustomer(), false));
        assertTrue(started.outcome() != Outcome.DECLINED && started.outcome() != Outcome.UNKNOWN,
                "a payment of " + amount + " that should succeed started " + started);
        PaymentResult done = complete(started, attempt);
        assertSucceeded(done, attempt, amount);
        gateway().chargedAmount(done.gatewayReference()).ifPresent(charged ->
                assertEquals(amount.minor(), charged, "what the gateway charges, in ISO minor units of " + amount.currency()));
        return done;
    }

    private void paidAndRefundedExactly(Amount amount) {
        PaymentResult paid = paidExactly(amount);
        if (method() instanceof WebhookReceiver receiver) {
            WebhookRequest delivery;
            try {
                delivery = gateway().paymentWebhook(paid.gatewayReference(), Instant.now());
            } catch (UnsupportedOperationException e) {
                delivery = null; // the fake cannot send webhooks: the other checks still hold
            }
            if (delivery != null) {
                WebhookEvent event = receiver.receive(context(), delivery);
                assertNotNull(event.payment(), "the event says nothing about the payment: " + event);
                assertEquals(amount, event.payment().received(), "the amount a webhook reports");
            }
        }
        if (method() instanceof Refunds refunds && !refunds.refundsByHand()) {
            String refundId = ContractRequests.id("ref");
            RefundResult refunded = settled(refunds.refund(context(), requests.refund(refundId, paid.gatewayReference(),
                    amount)));
            assertRefunded(refunded, refundId, amount.minor());
        }
    }

    /** Plays the customer when the payment waits for them, then asks where it stands. */
    protected PaymentResult complete(PaymentResult started, String attemptId) {
        if (started.outcome() == Outcome.SUCCEEDED || started.outcome() == Outcome.DECLINED) {
            return started;
        }
        if (started.outcome() == Outcome.ACTION_REQUIRED) {
            gatewayOrSkip().customerCompletes(started);
        }
        return status(started.gatewayReference(), attemptId);
    }

    /** Where a payment stands: by {@link StatusQuery} if the method has it, else by a fresh webhook. */
    protected PaymentResult status(String gatewayReference, String attemptId) {
        if (method() instanceof StatusQuery query) {
            return query.paymentStatus(context(), gatewayReference, attemptId);
        }
        if (method() instanceof WebhookReceiver receiver) {
            WebhookEvent event = receiver.receive(context(), gatewayOrSkip().paymentWebhook(gatewayReference, Instant.now()));
            assertNotNull(event.payment(), "the event says nothing about the payment: " + event);
            return event.payment();
        }
        return fail("the method can neither be asked nor call back");
    }

    protected void assertSucceeded(PaymentResult result, String attemptId) {
        assertSucceeded(result, attemptId, amount());
    }

    protected void assertSucceeded(PaymentResult result, String attemptId, Amount asked) {
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.toString());
        assertEquals(asked, result.received(), "the amount received");
        assertNotNull(result.gatewayReference(), "a gateway reference");
        if (result.attemptId() != null) {
            assertEquals(attemptId, result.attemptId());
        }
    }

    private void assumeCanFollowUp() {
        assumeTrue(method() instanceof StatusQuery || method() instanceof WebhookReceiver,
                "the method can neither be asked nor call back");
    }

    private WebhookReceiver receiver() {
        assumeTrue(method() instanceof WebhookReceiver, "no webhooks");
        return (WebhookReceiver) method();
    }

    private Refunds refunds() {
        assumeTrue(method() instanceof Refunds, "no refunds");
        return (Refunds) method();
    }

    private SavedMethods savedMethods() {
        assumeTrue(method() instanceof SavedMethods, "no saved methods");
        return (SavedMethods) method();
    }

    private SetupResult confirmedSetup(SavedMethods saved, String savedMethodId, Customer customer) {
        SetupResult started = saved.setUp(context(), requests.setup(savedMethodId, customer));
        if (started.outcome() == Outcome.SUCCEEDED) {
            return started;
        }
        assertEquals(Outcome.ACTION_REQUIRED, started.outcome(), started.toString());
        assertNotNull(started.nextAction());
        gatewayOrSkip().customerCompletesSetup(started);
        SetupResult done = saved.setupStatus(context(), started.gatewayReference());
        return done.customerReference() == null ? done.withCustomerReference(started.customerReference()) : done;
    }

    private void assertSavedMethod(SetupResult result, String savedMethodId) {
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.toString());
        assertNotNull(result.method().token(), "token");
        assertNotNull(result.method().brand(), "brand");
        assertNotNull(result.method().last4(), "last4");
        assertTrue(result.method().expMonth() >= 1 && result.method().expMonth() <= 12, "expiry month");
        assertTrue(result.method().expYear() >= 2000, "expiry year");
        if (result.savedMethodId() != null) {
            assertEquals(savedMethodId, result.savedMethodId());
        }
    }

    private RefundResult settled(RefundResult result) {
        if (result.outcome() == Outcome.PENDING && result.gatewayReference() != null) {
            return ((Refunds) method()).refundStatus(context(), result.gatewayReference()).orElse(result);
        }
        return result;
    }

    private void assertRefunded(RefundResult result, String refundId, long minor) {
        assertTrue(result.outcome() == Outcome.SUCCEEDED || result.outcome() == Outcome.PENDING, result.toString());
        assertTrue(gatewayOrSkip().idempotencyKeys().contains(refundId), "keys seen: " + gatewayOrSkip().idempotencyKeys());
        if (result.refundId() != null) {
            assertEquals(refundId, result.refundId());
        }
        if (result.gatewayReference() != null) {
            OptionalLong atGateway = gatewayOrSkip().refundedAmount(result.gatewayReference());
            atGateway.ifPresent(refunded -> assertEquals(minor, refunded, "the amount refunded at the gateway"));
        }
    }
}
