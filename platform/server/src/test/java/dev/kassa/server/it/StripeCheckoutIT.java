package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.stripe.HostedPageClient.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.stripe.HostedPageClient;
import dev.kassa.testkit.stripe.SentWebhook;
import dev.kassa.testkit.stripe.SignedDelivery;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Card top-ups and saved cards through Stripe's hosted page (Checkout Sessions), for requests with
 * a return URL: the fake's page is driven with plain HTTP, following its forms as a browser would,
 * and sends its signed webhooks to the real server.
 */
@ExtendWith(KassaExtension.class)
class StripeCheckoutIT {
    private static final String RETURN_URL = "http://demo.localhost:8080/payments?from=stripe";
    private static final String CANCEL_URL = "http://demo.localhost:8080/top-up";

    /** A tenant with stripe-card on for every country, on its own Stripe account of the fake. */
    private static Kassa.Tenant stripeTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", secretKey(tenant),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        return tenant;
    }

    /** The tenant's Stripe account, and its webhook endpoint: Kassa. */
    private static Kassa.Tenant stripeTenantWithWebhooks(Kassa kassa, StripeFake stripe) {
        Kassa.Tenant tenant = stripeTenant(kassa);
        stripe.sendWebhooks(secretKey(tenant), webhookUrl(kassa, tenant));
        return tenant;
    }

    private static String secretKey(Kassa.Tenant tenant) {
        return "sk_test_" + tenant.slug().replace('-', '_');
    }

    private static URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe");
    }

    private static ApiResponse pageTopUp(Kassa.Tenant tenant, String account, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money(amount, "EUR"),
                "method", "stripe-card", "returnUrl", RETURN_URL, "cancelUrl", CANCEL_URL));
        assertEquals(201, topUp.status(), topUp::toString);
        return topUp;
    }

    private static JsonObject payment(ApiResponse topUp) {
        return topUp.object().getJsonObject("payment");
    }

    private static String hostedPage(ApiResponse topUp) {
        JsonObject next = payment(topUp).getJsonObject("nextAction");
        assertEquals("redirect", next.getString("type"), next::toString);
        return next.getString("redirectUrl");
    }

    /** What the hosted pages sent to this tenant's endpoint (the fake is shared by every test). */
    private static List<SentWebhook> sentTo(Kassa kassa, StripeFake stripe, Kassa.Tenant tenant) {
        return stripe.sentWebhooks().stream().filter(w -> w.url().equals(webhookUrl(kassa, tenant))).toList();
    }

    /** How often the attempt's history says it credited the account: later news about it is recorded as ignored. */
    private static long credits(Kassa.Tenant tenant, String topUpId) {
        return history(tenant, topUpId).stream().filter(h -> h.getString("status").equals("SUCCEEDED")
                && !h.isNull("detail") && h.getString("detail").startsWith("credited")).count();
    }

    private static List<JsonObject> history(Kassa.Tenant tenant, String topUpId) {
        return tenant.api().get("top-ups/" + topUpId + "/attempts").items().getJsonObject(0).getJsonArray("history")
                .getValuesAs(JsonObject.class);
    }

    // ---- payments

    @Test
    void aTopUpPaidOnTheHostedPageIsCreditedOnceHoweverOftenStripeReportsIt(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "50.00");
        assertEquals("NEW", topUp.string("status"));
        assertEquals("ACTION_REQUIRED", payment(topUp).getString("status"));
        String session = payment(topUp).getString("gatewayReference");
        assertTrue(session.startsWith("cs_"), session);
        assertEquals(stripe.checkoutSession(session).orElseThrow().url(), hostedPage(topUp));
        assertEquals(payment(topUp).getString("id"), stripe.checkoutSession(session).orElseThrow().clientReferenceId());

        HttpResponse<String> page = HostedPageClient.get(hostedPage(topUp));
        assertTrue(page.body().contains("50.00 EUR"), page::body);
        assertEquals(RETURN_URL, submit(hostedPage(topUp), Map.of("action", "pay", "card", "4242 4242 4242 4242")));

        List<SentWebhook> sent = sentTo(kassa, stripe, tenant);
        assertEquals(List.of("checkout.session.completed", "payment_intent.succeeded"),
                sent.stream().map(SentWebhook::type).toList());
        sent.forEach(w -> assertEquals(200, w.status(), w::toString));
        ApiResponse paid = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("PAID", paid.string("status"), paid::toString);
        assertEquals("SUCCEEDED", payment(paid).getString("status"));
        String intent = stripe.checkoutSession(session).orElseThrow().paymentIntent();
        assertEquals(intent, payment(paid).getString("gatewayReference"), "the PaymentIntent, which refunds use");
        assertEquals("50.00", tenant.balance(account));

        // Stripe delivers both events again, at once.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (SentWebhook webhook : sent) {
                    again.add(() -> webhook.delivery().postTo(webhookUrl(kassa, tenant)));
                }
            }
            for (Future<HttpResponse<String>> answer : pool.invokeAll(again)) {
                assertEquals(200, answer.get().statusCode(), answer.get()::body);
                assertTrue(answer.get().body().contains("\"duplicate\":true"), answer.get()::body);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("50.00", tenant.balance(account));
        assertEquals(1, credits(tenant, topUp.string("id")), () -> history(tenant, topUp.string("id")).toString());
        assertEquals(1, tenant.api().get("accounts/" + account + "/transactions").items().size());
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void webhooksRacingTheJanitorAboutAPaidSessionCreditOnce(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa); // no endpoint: Stripe's events come late, by hand
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "7.77");
        String session = payment(topUp).getString("gatewayReference");
        assertEquals(RETURN_URL, submit(hostedPage(topUp), Map.of("action", "pay", "card", "4242424242424242")));
        assertEquals(List.of(), sentTo(kassa, stripe, tenant));
        String intent = stripe.checkoutSession(session).orElseThrow().paymentIntent();

        List<SignedDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(stripe.sessionEvent(session, Instant.now()));
            deliveries.add(stripe.paymentEvent(intent, Instant.now()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (SignedDelivery delivery : deliveries) {
                calls.add(() -> {
                    Thread.sleep((long) (Math.random() * 1500)); // spread over a janitor round
                    return delivery.postTo(webhookUrl(kassa, tenant));
                });
            }
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                assertEquals(200, answer.get().statusCode(), answer.get()::body);
            }
        } finally {
            pool.shutdown();
        }
        Eventually.until(() -> "PAID".equals(tenant.api().get("top-ups/" + topUp.string("id")).string("status")),
                "the top-up is paid");
        Thread.sleep(2500); // and let the janitor look once more
        assertEquals("7.77", tenant.balance(account));
        assertEquals(1, credits(tenant, topUp.string("id")), () -> history(tenant, topUp.string("id")).toString());
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void theJanitorFindsASessionPaidWhoseWebhooksNeverCame(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "12.34");
        assertEquals(RETURN_URL, submit(hostedPage(topUp), Map.of("action", "pay", "card", "4242424242424242")));

        Eventually.until(() -> "PAID".equals(tenant.api().get("top-ups/" + topUp.string("id")).string("status")),
                "the janitor asks Stripe about the session and marks the top-up paid");
        assertEquals("12.34", tenant.balance(account));
        assertTrue(history(tenant, topUp.string("id")).stream().anyMatch(h -> h.getString("status")
                .equals("SUCCEEDED") && h.getString("source").equals("janitor")));
    }

    @Test
    void threeDSecureComesBeforeThePaymentOnTheHostedPage(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "30.00");

        String authentication = submit(hostedPage(topUp), Map.of("action", "pay", "card", "4000 0027 6000 3184"));
        assertTrue(authentication.startsWith(stripe.baseUrl()) && authentication.endsWith("/authenticate"),
                authentication);
        assertTrue(HostedPageClient.get(authentication).body().contains("Complete authentication"));
        assertEquals("NEW", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals("0.00", tenant.balance(account));

        assertEquals(RETURN_URL, submit(authentication, Map.of("action", "complete")));
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals("30.00", tenant.balance(account));
    }

    @Test
    void aDeclineOnTheHostedPageCancelsTheTopUpWithTheBanksReason(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "20.00");

        assertEquals(CANCEL_URL, submit(hostedPage(topUp), Map.of("action", "decline")));

        assertEquals(List.of("payment_intent.payment_failed"),
                sentTo(kassa, stripe, tenant).stream().map(SentWebhook::type).toList());
        ApiResponse cancelled = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("CANCELLED", cancelled.string("status"), cancelled::toString);
        assertEquals("Your card was declined.", cancelled.string("cancelReason"));
        assertEquals("DECLINED", payment(cancelled).getString("status"));
        assertEquals("generic_decline", payment(cancelled).getString("reasonCode"));
        assertEquals(1, tenant.api().get("notifications?accountId=" + account + "&type=payment.failed").items().size());
        assertEquals("0.00", tenant.balance(account));

        // The page expires later: its event changes nothing more.
        stripe.expireSession(payment(topUp).getString("gatewayReference"));
        assertEquals(200, sentTo(kassa, stripe, tenant).get(1).status());
        assertEquals("Your card was declined.",
                tenant.api().get("top-ups/" + topUp.string("id")).string("cancelReason"));
    }

    @Test
    void aPageLeftUntilItExpiresCancelsTheTopUp(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        Kassa.Tenant other = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = pageTopUp(tenant, account, "15.00");
        String session = payment(topUp).getString("gatewayReference");

        // The same event delivered to another tenant finds nothing there.
        stripe.expireSession(session);
        SentWebhook expired = sentTo(kassa, stripe, tenant).get(0);
        assertEquals("checkout.session.expired", expired.type());
        HttpResponse<String> elsewhere = expired.delivery().postTo(webhookUrl(kassa, other));
        assertTrue(elsewhere.body().contains("unknown_payment"), elsewhere::body);

        ApiResponse cancelled = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("CANCELLED", cancelled.string("status"), cancelled::toString);
        assertEquals("Payment page expired", cancelled.string("cancelReason"));
        assertEquals("DECLINED", payment(cancelled).getString("status"));
        assertEquals("payment_page_expired", payment(cancelled).getString("reasonCode"));
        assertTrue(HostedPageClient.get(hostedPage(topUp)).body().contains("expired"));
        assertEquals(404, other.api().get("top-ups/" + topUp.string("id")).status());
    }

    // ---- saved cards

    @Test
    void aCardAddedOnTheHostedPageIsPendingThenConfirmed(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Ana",
                "country", "DE")).string("id");

        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer, "returnUrl", RETURN_URL, "cancelUrl", CANCEL_URL));
        assertEquals(201, saving.status(), saving::toString);
        assertEquals("PENDING", saving.string("status"));
        assertTrue(saving.string("gatewayReference").startsWith("cs_"), saving::toString);
        JsonObject next = saving.object().getJsonObject("nextAction");
        assertEquals("redirect", next.getString("type"));
        String page = next.getString("redirectUrl");
        assertEquals("setup", stripe.checkoutSession(saving.string("gatewayReference")).orElseThrow().mode());
        assertTrue(HostedPageClient.get(page).body().contains("Save card"));

        assertEquals(RETURN_URL, submit(page, Map.of("action", "pay", "card", "4242 4242 4242 4242")));

        ApiResponse confirmed = tenant.api().get("saved-methods/" + saving.string("id"));
        assertEquals("CONFIRMED", confirmed.string("status"), confirmed::toString);
        assertEquals("4242", confirmed.string("last4"));
        assertTrue(confirmed.object().getBoolean("default"));
        assertTrue(confirmed.object().isNull("nextAction"));
        assertTrue(confirmed.string("gatewayReference").startsWith("seti_"), confirmed::toString);
        JsonObject options = tenant.api().get("accounts/" + account + "/top-up-options?payerId=" + payer).object();
        assertEquals(saving.string("id"), options.getJsonArray("savedMethods").getJsonObject(0).getString("id"));
    }

    @Test
    void theJanitorConfirmsACardAddedOnThePageWithoutWebhooks(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Bo",
                "country", "FR")).string("id");
        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer, "returnUrl", RETURN_URL));
        assertEquals("PENDING", saving.string("status"));
        assertEquals(RETURN_URL, submit(saving.object().getJsonObject("nextAction").getString("redirectUrl"),
                Map.of("action", "pay", "card", "4242424242424242")));

        Eventually.until(() -> "CONFIRMED".equals(tenant.api().get("saved-methods/" + saving.string("id"))
                .string("status")),
                "the janitor asks Stripe about the session and confirms the card");
    }

    @Test
    void aCardKeptWhilePayingOnThePageBecomesThePayersSavedMethod(Kassa kassa, StripeFake stripe) throws Exception {
        Kassa.Tenant tenant = stripeTenantWithWebhooks(kassa, stripe);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Cy",
                "country", "FR")).string("id");
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("25.00", "EUR"),
                "method", "stripe-card", "payerId", payer, "saveMethod", true, "returnUrl", RETURN_URL));
        assertEquals(201, topUp.status(), topUp::toString);
        String session = payment(topUp).getString("gatewayReference");
        assertEquals("off_session", stripe.checkoutSession(session).orElseThrow().setupFutureUsage());

        assertEquals(RETURN_URL, submit(hostedPage(topUp), Map.of("action", "pay", "card", "4242424242424242")));

        assertEquals("25.00", tenant.balance(account));
        List<JsonObject> saved = tenant.api().get("accounts/" + account + "/saved-methods").items()
                .getValuesAs(JsonObject.class);
        assertEquals(1, saved.size(), saved::toString);
        assertEquals("CONFIRMED", saved.get(0).getString("status"));
        assertEquals(payer, saved.get(0).getString("payerId"));
        assertEquals("4242", saved.get(0).getString("last4"));
        assertTrue(saved.get(0).getBoolean("default"));
        String card = stripe.paymentIntent(stripe.checkoutSession(session).orElseThrow().paymentIntent()).orElseThrow()
                .paymentMethod();
        assertTrue(stripe.isAttached(card), "Stripe keeps the card on the customer");
    }

    // ---- API clients and bad URLs

    @Test
    void anApiClientWithoutReturnUrlsStillGetsAClientSecret(Kassa kassa, StripeFake stripe) {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("9.00", "EUR"),
                "method", "stripe-card"));
        assertEquals(201, topUp.status(), topUp::toString);
        JsonObject next = payment(topUp).getJsonObject("nextAction");
        assertEquals("client_secret", next.getString("type"));
        assertTrue(payment(topUp).getString("gatewayReference").startsWith("pi_"));
        assertNotNull(next.getString("clientSecret"));
        assertEquals(0, stripe.checkoutSessions().stream()
                .filter(s -> payment(topUp).getString("id").equals(s.clientReferenceId())).count());
    }

    @Test
    void returnUrlsThatAreNotHttpsAreRefusedBeforeAnythingIsRecorded(Kassa kassa, StripeFake stripe) {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Di",
                "country", "DE")).string("id");
        ApiResponse plain = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("9.00", "EUR"),
                "method", "stripe-card", "returnUrl", "http://billing.example.com/back",
                "cancelUrl", "javascript:alert(1)"));
        assertEquals(422, plain.status(), plain::toString);
        assertEquals("request.invalid", plain.code());
        List<JsonObject> errors = plain.object().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(java.util.Set.of("returnUrl:url.invalid", "cancelUrl:url.invalid"), errors.stream()
                .map(e -> e.getString("field") + ":" + e.getString("code")).collect(Collectors.toSet()));

        ApiResponse cancelOnly = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("9.00", "EUR"), "method", "stripe-card", "cancelUrl", "https://billing.example.com/no"));
        assertEquals(422, cancelOnly.status(), cancelOnly::toString);
        assertTrue(cancelOnly.body().contains("\"field\":\"returnUrl\""), cancelOnly::toString);

        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods", obj("method", "stripe-card",
                "payerId", payer, "returnUrl", "https://" + "x".repeat(2000) + ".example.com/"));
        assertEquals(422, saving.status(), saving::toString);
        assertTrue(saving.body().contains("url.invalid"), saving::toString);

        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/saved-methods").items().size());
    }
}
