package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.stripe.Endpoint;
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.SignedDelivery;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Card payments through the Stripe plugin, with real stripe-java inside the real server talking to
 * a local fake of Stripe's API (KASSA_PLUGINS_STRIPE_API_BASE), and webhooks signed as Stripe signs them.
 */
@ExtendWith(KassaExtension.class)
class StripeCardIT {

    /** A tenant with stripe-card on for every country, on its own Stripe account of the fake. */
    private static Kassa.Tenant stripeTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        return tenant;
    }

    private static URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe");
    }

    private static ApiResponse cardTopUp(Kassa.Tenant tenant, String account, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "stripe-card"));
        assertEquals(201, topUp.status(), topUp::toString);
        return topUp;
    }

    private static JsonObject payment(ApiResponse topUp) {
        return topUp.object().getJsonObject("payment");
    }

    private static HttpResponse<String> deliver(Kassa kassa, Kassa.Tenant tenant, SignedDelivery delivery)
            throws Exception {
        return delivery.postTo(webhookUrl(kassa, tenant));
    }

    @Test
    void credentialsAreEncryptedNeverShownAndTheMethodIsOfferedOnlyOnceComplete(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        ApiResponse partial = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_partial1234567890")));
        assertEquals(422, partial.status(), partial::toString);
        assertEquals("request.invalid", partial.code());
        assertTrue(partial.body().contains("credentials.publishableKey"), partial::toString);
        ApiResponse unknown = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("password", "x")));
        assertTrue(unknown.body().contains("credentials.unknown_field"), unknown::toString);

        ApiResponse off = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*")));
        assertFalse(off.object().getBoolean("credentialsSet"));
        assertFalse(tenant.api().get("accounts/" + account + "/top-up-options").body().contains("stripe-card"),
                "a method without its credentials is not offered");

        ApiResponse on = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_secretvalue9876", "publishableKey",
                        StripeFake.PUBLISHABLE_KEY, "webhookSecret", "whsec_verysecretvalue4321")));
        assertEquals(200, on.status(), on::toString);
        assertTrue(on.object().getBoolean("credentialsSet"));
        String shown = tenant.api().get("payment-methods/stripe-card").body();
        assertFalse(shown.contains("sk_test_secretvalue9876"), shown);
        assertFalse(shown.contains("whsec_verysecretvalue4321"), shown);
        assertTrue(shown.contains("9876") && shown.contains(StripeFake.PUBLISHABLE_KEY), shown);
        assertTrue(tenant.api().get("accounts/" + account + "/top-up-options").body().contains("stripe-card"));
    }

    @Test
    void aCardTopUpIsPaidOnceByItsWebhookHoweverOftenItIsDelivered(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = cardTopUp(tenant, account, "50.00");

        JsonObject payment = payment(topUp);
        assertEquals("NEW", topUp.string("status"));
        assertEquals("ACTION_REQUIRED", payment.getString("status"));
        String intent = payment.getString("gatewayReference");
        assertTrue(intent.startsWith("pi_"), intent);
        JsonObject next = payment.getJsonObject("nextAction");
        assertEquals("client_secret", next.getString("type"));
        assertTrue(next.getString("clientSecret").startsWith(intent + "_secret"), next::toString);
        assertEquals(StripeFake.PUBLISHABLE_KEY, next.getString("publishableKey"));
        var atStripe = stripe.paymentIntent(intent).orElseThrow();
        assertEquals(5000, atStripe.amount());
        assertEquals("eur", atStripe.currency());
        assertEquals(payment.getString("id"), atStripe.idempotencyKey(), "the attempt id is the idempotency key");
        assertEquals(payment.getString("id"), atStripe.metadata().get("kassa_attempt"));

        stripe.customerConfirms(intent);
        SignedDelivery succeeded = stripe.paymentEvent(intent, Instant.now());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> deliver(kassa, tenant, succeeded));
            }
            answers.addAll(pool.invokeAll(calls));
        } finally {
            pool.shutdown();
        }
        int fresh = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.get().statusCode(), answer.get()::body);
            fresh += answer.get().body().contains("\"duplicate\":false") ? 1 : 0;
        }
        assertEquals(1, fresh, "exactly one delivery applied the event");
        assertEquals("50.00", tenant.balance(account));
        ApiResponse paid = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("PAID", paid.string("status"));
        assertEquals("SUCCEEDED", payment(paid).getString("status"));
        assertEquals("50.00", payment(paid).getJsonObject("received").getString("amount"));

        // A later, separately signed delivery of another event id about the same payment changes nothing.
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());
        assertEquals("50.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void forgedStaleAndUnsignedWebhooksAreRefusedAndChangeNothing(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        String intent = payment(cardTopUp(tenant, account, "20.00")).getString("gatewayReference");
        stripe.customerConfirms(intent);
        SignedDelivery good = stripe.paymentEvent(intent, Instant.now());

        HttpResponse<String> forged = deliver(kassa, tenant, good.withSignatureHeader(
                StripeFake.signatureHeader(good.body(), "whsec_someoneelse", Instant.now().getEpochSecond())));
        HttpResponse<String> stale = deliver(kassa, tenant, stripe.paymentEvent(intent,
                Instant.now().minus(Duration.ofMinutes(6))));
        HttpResponse<String> unsigned = deliver(kassa, tenant, good.withSignatureHeader(""));
        for (HttpResponse<String> refused : List.of(forged, stale, unsigned)) {
            assertEquals(400, refused.statusCode(), refused::body);
            assertTrue(refused.body().contains("\"code\":\"webhook.signature_invalid\""), refused::body);
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("")
                    .split(";")[0]);
        }
        assertEquals("0.00", tenant.balance(account));

        assertEquals(200, deliver(kassa, tenant, good).statusCode());
        assertEquals("20.00", tenant.balance(account));
    }

    @Test
    void aDeclineCancelsTheTopUpAndALaterSuccessForTheSamePaymentStillCreditsOnce(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = cardTopUp(tenant, account, "30.00");
        String intent = payment(topUp).getString("gatewayReference");

        stripe.fail(intent, "card_declined");
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());
        ApiResponse cancelled = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("CANCELLED", cancelled.string("status"));
        assertNotNull(cancelled.string("cancelReason"));
        assertEquals("DECLINED", payment(cancelled).getString("status"));
        ApiResponse notifications = tenant.api().get("notifications?accountId=" + account + "&type=payment.failed");
        assertEquals(1, notifications.items().size(), notifications::toString);

        // The customer retries in the same Stripe.js form and pays: the money is not dropped.
        stripe.customerConfirms(intent);
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals("30.00", tenant.balance(account));
    }

    @Test
    void aGatewayErrorLeavesTheTopUpOpenAndUnknownNeverA500(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        stripe.failNextWith500();
        ApiResponse topUp = cardTopUp(tenant, account, "9.00");
        assertEquals("NEW", topUp.string("status"));
        assertEquals("UNKNOWN", payment(topUp).getString("status"), topUp::toString);
        assertEquals("0.00", tenant.balance(account));
        // Still open: the janitor keeps asking (by the attempt id, as Stripe never named the payment).
        Eventually.until(() -> tenant.api().get("top-ups/" + topUp.string("id") + "/attempts").items().getJsonObject(0)
                .getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .anyMatch(h -> h.getString("source").equals("janitor")), "the janitor asks about the open attempt");
        assertEquals("UNKNOWN", payment(tenant.api().get("top-ups/" + topUp.string("id"))).getString("status"));
        assertEquals("0.00", tenant.balance(account));
        assertEquals(404, kassa.newTenant().api().get("top-ups/" + topUp.string("id") + "/attempts").status());
    }

    @Test
    void aPaymentWhoseFirstCallTimedOutIsFoundByTheJanitorAndCreditedOnce(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        // Stripe creates the PaymentIntent at once but answers after the plugin's read timeout
        // (HttpSettings.DEFAULT, 30 s): the first call gets no answer and no PaymentIntent id.
        stripe.delayNext(Endpoint.CREATE_PAYMENT_INTENT, Duration.ofSeconds(35));
        ApiResponse topUp = cardTopUp(tenant, account, "21.00");
        assertEquals("NEW", topUp.string("status"));
        assertEquals("UNKNOWN", payment(topUp).getString("status"), topUp::toString);
        assertTrue(payment(topUp).isNull("gatewayReference"), topUp::toString);
        String attempt = payment(topUp).getString("id");

        // Stripe did create it, with our attempt id in its metadata, and the payment succeeds there.
        PaymentIntentView atStripe = stripe.paymentIntentOfAttempt(attempt).orElseThrow();
        stripe.customerConfirms(atStripe.id());

        Eventually.until(() -> "PAID".equals(tenant.api().get("top-ups/" + topUp.string("id")).string("status")),
                "the janitor finds the payment by its attempt id and marks the top-up paid");
        assertEquals("21.00", tenant.balance(account));
        JsonObject asked = tenant.api().get("top-ups/" + topUp.string("id") + "/attempts").items().getJsonObject(0);
        assertEquals(atStripe.id(), asked.getString("gatewayReference"), "the reference learnt from Stripe's search");
        List<JsonObject> history = asked.getJsonArray("history").getValuesAs(JsonObject.class);
        assertEquals(1, history.stream().filter(h -> h.getString("status").equals("SUCCEEDED")
                && h.getString("source").equals("janitor")).count(), history::toString);

        // The late webhook changes nothing: credited once.
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(atStripe.id(), Instant.now())).statusCode());
        assertEquals("21.00", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void theJanitorFindsAPaymentWhoseWebhookNeverCame(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = cardTopUp(tenant, account, "12.34");
        stripe.customerConfirms(payment(topUp).getString("gatewayReference"));

        Eventually.until(() -> "PAID".equals(tenant.api().get("top-ups/" + topUp.string("id")).string("status")),
                "the janitor marks the top-up paid");
        assertEquals("12.34", tenant.balance(account));
        // The webhook arriving after the janitor changes nothing.
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(payment(topUp).getString("gatewayReference"),
                Instant.now())).statusCode());
        assertEquals("12.34", tenant.balance(account));
    }

    @Test
    void webhooksWithDistinctEventIdsRacingTheJanitorCreditOnce(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = cardTopUp(tenant, account, "7.77");
        String intent = payment(topUp).getString("gatewayReference");
        stripe.customerConfirms(intent);
        List<SignedDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.add(stripe.paymentEvent(intent, Instant.now())); // each a new event id
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (SignedDelivery delivery : deliveries) {
                calls.add(() -> {
                    Thread.sleep((long) (Math.random() * 1500)); // spread over a janitor round
                    return deliver(kassa, tenant, delivery);
                });
            }
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                assertEquals(200, answer.get().statusCode(), answer.get()::body);
            }
        } finally {
            pool.shutdown();
        }
        Thread.sleep(2500); // and let the janitor look once more
        assertEquals("7.77", tenant.balance(account));
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
    }

    @Test
    void anAmountThatDiffersFromTheAttemptIsFlaggedForTheTenantAndNotCredited(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = cardTopUp(tenant, account, "60.00");
        String intent = payment(topUp).getString("gatewayReference");
        stripe.customerConfirms(intent);
        // The gateway says it took 6.00 for a payment of 60.00: a signed event, altered before signing.
        JsonObject event = jakarta.json.Json.createReader(new java.io.StringReader(new String(
                stripe.event("payment_intent.succeeded", intent), java.nio.charset.StandardCharsets.UTF_8)))
                .readObject();
        JsonObject object = event.getJsonObject("data").getJsonObject("object");
        JsonObject altered = jakarta.json.Json.createObjectBuilder(event).add("data", jakarta.json.Json
                .createObjectBuilder().add("object", jakarta.json.Json.createObjectBuilder(object)
                        .add("amount_received", 600))).build();
        HttpResponse<String> answer = deliver(kassa, tenant, StripeFake.sign(altered.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.now()));
        assertEquals(200, answer.statusCode(), answer::body);

        ApiResponse flagged = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("NEW", flagged.string("status"));
        assertEquals("MISMATCH", payment(flagged).getString("status"));
        assertTrue(payment(flagged).getString("flag").contains("6.00"), flagged::toString);
        assertEquals("0.00", tenant.balance(account));
        assertEquals(1, tenant.api().get("notifications?type=payment.amount_mismatch").items().size());
        // Nothing the gateway says later credits it automatically: the tenant decides.
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());
        assertEquals("0.00", tenant.balance(account));
    }

    @Test
    void anEventForAnotherTenantsPaymentIsRecordedNeverCredited(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant owner = stripeTenant(kassa);
        Kassa.Tenant other = stripeTenant(kassa);
        String account = owner.newAccount();
        String otherAccount = other.newAccount();
        String intent = payment(cardTopUp(owner, account, "40.00")).getString("gatewayReference");
        stripe.customerConfirms(intent);

        HttpResponse<String> answer = deliver(kassa, other, stripe.paymentEvent(intent, Instant.now()));
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.body().contains("unknown_payment"), answer::body);
        assertEquals("0.00", other.balance(otherAccount));
        assertEquals("NEW", owner.api().get("accounts/" + account + "/top-ups").items().getJsonObject(0)
                .getString("status"));
        assertEquals(1, other.api().get("notifications?type=webhook.unknown_payment").items().size());
        assertEquals(400, kassa.anonymous().post("/webhooks/no-such-tenant/stripe", "{}").status());
    }

    @Test
    void aSavedCardIsConfirmedOffSessionChargesAndRefundsStayWithinUnusedFunds(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Ana",
                "country", "DE")).string("id");

        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer));
        assertEquals(201, saving.status(), saving::toString);
        assertEquals("PENDING", saving.string("status"));
        assertNotNull(saving.object().getJsonObject("nextAction").getString("clientSecret"));
        String saved = saving.string("id");
        String setupIntent = saving.string("gatewayReference");
        assertEquals(saved, stripe.setupIntent(setupIntent).orElseThrow().metadata().get("kassa_saved_method"));
        stripe.customerConfirmsSetup(setupIntent);
        assertEquals(200, deliver(kassa, tenant, stripe.setupEvent(setupIntent, Instant.now())).statusCode());

        ApiResponse confirmed = tenant.api().get("saved-methods/" + saved);
        assertEquals("CONFIRMED", confirmed.string("status"), confirmed::toString);
        assertNotNull(confirmed.string("brand"));
        assertTrue(confirmed.string("last4").matches("[0-9]{4}"));
        assertTrue(confirmed.string("expiry").matches("[0-9]{2}/[0-9]{4}"));
        assertTrue(confirmed.object().getBoolean("default"));
        JsonObject options = tenant.api().get("accounts/" + account + "/top-up-options?payerId=" + payer).object();
        assertEquals(saved, options.getJsonArray("savedMethods").getJsonObject(0).getString("id"));
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-up-options").object()
                .getJsonArray("savedMethods").size(), "without a payer no saved method is shown");

        ApiResponse renewal = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("50.00", "EUR"), "method", "stripe-card", "savedMethodId", saved, "offSession", true));
        assertEquals(201, renewal.status(), renewal::toString);
        assertEquals("PAID", renewal.string("status"), renewal::toString);
        assertEquals("50.00", tenant.balance(account));

        stripe.nextOffSessionNeedsAuthentication();
        ApiResponse needsCustomer = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("5.00", "EUR"), "method", "stripe-card", "savedMethodId", saved, "offSession", true));
        assertEquals("NEW", needsCustomer.string("status"), needsCustomer::toString);
        assertEquals("ACTION_REQUIRED", payment(needsCustomer).getString("status"));
        assertNotNull(payment(needsCustomer).getJsonObject("nextAction"));

        tenant.api().post("accounts/" + account + "/charges", obj("amount", money("10.00", "EUR"),
                "description", "VPS"));
        String paidTopUp = renewal.string("id");
        ApiResponse tooMuch = tenant.api().post("top-ups/" + paidTopUp + "/refunds", obj("amount",
                money("45.00", "EUR")));
        assertEquals(422, tooMuch.status(), tooMuch::toString);
        assertEquals("refund.exceeds_unused_funds", tooMuch.code());
        assertEquals("40.00", tooMuch.object().getJsonObject("maximum").getString("amount"));
        assertEquals("40.00", tenant.balance(account), "a refused refund changes nothing");

        ApiResponse refund = tenant.api().post("top-ups/" + paidTopUp + "/refunds", obj("amount",
                money("30.00", "EUR")));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("SUCCEEDED", refund.string("status"), refund::toString);
        assertEquals("10.00", tenant.balance(account));
        String refundAtStripe = refund.string("gatewayReference");
        assertEquals(3000, stripe.refund(refundAtStripe).orElseThrow().amount());
        assertEquals(refund.string("id"), stripe.refund(refundAtStripe).orElseThrow().idempotencyKey());

        stripe.nextRefundFails("insufficient_funds");
        ApiResponse failed = tenant.api().post("top-ups/" + paidTopUp + "/refunds", obj("amount",
                money("4.00", "EUR")));
        assertEquals("FAILED", failed.string("status"), failed::toString);
        assertEquals("10.00", tenant.balance(account), "a failed refund puts the money back");

        assertEquals(204, tenant.api().delete("saved-methods/" + saved).status());
        String token = stripe.setupIntent(setupIntent).orElseThrow().paymentMethod();
        assertFalse(stripe.isAttached(token), "detached at Stripe");
        assertEquals(404, tenant.api().get("saved-methods/" + saved).status());
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void aCardSavedWhilePayingIsKeptForItsPayer(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Cy",
                "country", "FR")).string("id");
        ApiResponse noPayer = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("15.00", "EUR"), "method", "stripe-card", "saveMethod", true));
        assertEquals(422, noPayer.status(), noPayer::toString);
        assertTrue(noPayer.body().contains("saved_method.payer_required"), noPayer::toString);

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("15.00", "EUR"), "method", "stripe-card", "payerId", payer, "saveMethod", true));
        String intent = payment(topUp).getString("gatewayReference");
        assertEquals("off_session", stripe.paymentIntent(intent).orElseThrow().setupFutureUsage());
        stripe.customerConfirms(intent);
        assertEquals(200, deliver(kassa, tenant, stripe.paymentEvent(intent, Instant.now())).statusCode());

        assertEquals("15.00", tenant.balance(account));
        JsonObject saved = tenant.api().get("accounts/" + account + "/saved-methods").items().getJsonObject(0);
        assertEquals("CONFIRMED", saved.getString("status"));
        assertEquals(payer, saved.getString("payerId"));
        assertTrue(saved.getBoolean("default"));

        // A second card is not the default until the customer makes it so; then it alone is.
        ApiResponse second = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer));
        stripe.customerConfirmsSetup(second.string("gatewayReference"));
        deliver(kassa, tenant, stripe.setupEvent(second.string("gatewayReference"), Instant.now()));
        assertFalse(tenant.api().get("saved-methods/" + second.string("id")).object().getBoolean("default"));
        assertTrue(tenant.api().post("saved-methods/" + second.string("id") + "/default", "{}").object()
                .getBoolean("default"));
        assertFalse(tenant.api().get("saved-methods/" + saved.getString("id")).object().getBoolean("default"));
        assertEquals(second.string("id"), tenant.api().get("accounts/" + account + "/top-up-options?payerId=" + payer)
                .object().getJsonArray("savedMethods").getJsonObject(0).getString("id"), "the default comes first");

        // The next top-up in the client area starts preset to the first card.
        ApiResponse again = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("15.00", "EUR"), "method", "stripe-card", "savedMethodId", saved.getString("id")));
        assertEquals(201, again.status(), again::toString);
        assertEquals(stripe.paymentIntent(intent).orElseThrow().paymentMethod(),
                stripe.paymentIntent(payment(again).getString("gatewayReference")).orElseThrow().paymentMethod());
    }

    @Test
    void savedMethodsAndRefundsOfOneTenantAreInvisibleToAnother(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant owner = stripeTenant(kassa);
        Kassa.Tenant other = stripeTenant(kassa);
        String account = owner.newAccount();
        String payer = owner.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Bo",
                "country", "DE")).string("id");
        String saved = owner.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer)).string("id");
        ApiResponse topUp = cardTopUp(owner, account, "25.00");
        stripe.customerConfirms(payment(topUp).getString("gatewayReference"));
        deliver(kassa, owner, stripe.paymentEvent(payment(topUp).getString("gatewayReference"), Instant.now()));
        String refund = owner.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("5.00", "EUR"))).string("id");

        assertEquals(404, other.api().get("saved-methods/" + saved).status());
        assertEquals(404, other.api().post("saved-methods/" + saved + "/default", "{}").status());
        assertEquals(404, other.api().delete("saved-methods/" + saved).status());
        assertEquals(404, other.api().get("accounts/" + account + "/saved-methods").status());
        assertEquals(404, other.api().get("refunds/" + refund).status());
        assertEquals(404, other.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("1.00", "EUR"))).status());
        assertEquals(0, other.api().get("notifications").items().size());
        assertEquals("20.00", owner.balance(account));
        assertEquals("PENDING", owner.api().get("saved-methods/" + saved).string("status"));
        assertNotEquals(0, owner.api().get("top-ups/" + topUp.string("id") + "/refunds").items().size());
    }
}
