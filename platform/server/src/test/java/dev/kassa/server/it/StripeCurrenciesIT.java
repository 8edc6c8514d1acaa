package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.stripe.PaymentIntentView;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Card top-ups in currencies Stripe counts otherwise than ISO 4217: ISK (no minor unit in ISO,
 * hundredths at Stripe) and KWD (three decimals, which Stripe takes only ending in 0), and a
 * currency whose units at Stripe the plugin does not know (IQD). Each tenant keeps its accounts in
 * that currency (its base currency, so limits need no exchange rate).
 */
@ExtendWith(KassaExtension.class)
class StripeCurrenciesIT {

    private static Kassa.Tenant stripeTenantIn(Kassa kassa, String currency) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse currencies = tenant.api().put("settings/currencies", obj("base", currency,
                "enabled", List.of(currency), "markupBasisPoints", 0));
        assertEquals(200, currencies.status(), currencies::toString);
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        return tenant;
    }

    private static List<String> offeredMethods(Kassa.Tenant tenant, String account) {
        return tenant.api().get("accounts/" + account + "/top-up-options").object().getJsonArray("methods")
                .getValuesAs(JsonObject.class).stream().map(m -> m.getString("code")).toList();
    }

    private static ApiResponse cardTopUp(Kassa.Tenant tenant, String account, String amount, String currency) {
        return tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money(amount, currency),
                "method", "stripe-card"));
    }

    private static JsonObject payment(ApiResponse topUp) {
        return topUp.object().getJsonObject("payment");
    }

    private static HttpResponse<String> paidAtStripe(Kassa kassa, Kassa.Tenant tenant, StripeFake stripe,
            String intent) throws Exception {
        stripe.customerConfirms(intent);
        return stripe.paymentEvent(intent, Instant.now())
                .postTo(kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe"));
    }

    @Test
    void a5000IskTopUpAsksStripeFor500000HundredthsAndCredits5000Isk(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenantIn(kassa, "ISK");
        String account = tenant.newAccount();
        assertTrue(offeredMethods(tenant, account).contains("stripe-card"));

        ApiResponse topUp = cardTopUp(tenant, account, "5000", "ISK");
        assertEquals(201, topUp.status(), topUp::toString);
        assertEquals("ACTION_REQUIRED", payment(topUp).getString("status"));
        String intent = payment(topUp).getString("gatewayReference");
        PaymentIntentView atStripe = stripe.paymentIntent(intent).orElseThrow();
        assertEquals(500_000, atStripe.amount(), "5,000 ISK in Stripe's hundredths");
        assertEquals("isk", atStripe.currency());

        // The webhook says amount_received=500000: that is 5,000 ISK, not 500,000.
        HttpResponse<String> answer = paidAtStripe(kassa, tenant, stripe, intent);
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("5000", tenant.balance(account));
        ApiResponse paid = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("PAID", paid.string("status"));
        assertEquals("SUCCEEDED", payment(paid).getString("status"), paid::toString);
        assertEquals("5000", payment(paid).getJsonObject("received").getString("amount"));

        ApiResponse refund = tenant.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("1000", "ISK")));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("SUCCEEDED", refund.string("status"), refund::toString);
        assertEquals(100_000, stripe.refund(refund.string("gatewayReference")).orElseThrow().amount());
        assertEquals("4000", tenant.balance(account));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));
    }

    @Test
    void aKwdAmountStripeCannotTakeExactlyIsRefusedAndOneEndingIn0IsPaid(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenantIn(kassa, "KWD");
        String account = tenant.newAccount();
        assertTrue(offeredMethods(tenant, account).contains("stripe-card"), "KWD is a currency Stripe takes");

        ApiResponse odd = cardTopUp(tenant, account, "42.425", "KWD");
        assertEquals(422, odd.status(), odd::toString);
        assertEquals("topup.method_unavailable", odd.code());
        assertTrue(odd.body().contains("42.425 KWD"), odd::toString);
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size(), "no top-up was made");
        assertTrue(stripe.paymentIntents().stream()
                .noneMatch(pi -> tenant.slug().equals(pi.metadata().get("kassa_tenant"))), "nothing reached Stripe");

        ApiResponse even = cardTopUp(tenant, account, "42.420", "KWD");
        assertEquals(201, even.status(), even::toString);
        String intent = payment(even).getString("gatewayReference");
        assertEquals(42_420, stripe.paymentIntent(intent).orElseThrow().amount());
        assertEquals(200, paidAtStripe(kassa, tenant, stripe, intent).statusCode());
        assertEquals("42.420", tenant.balance(account));

        ApiResponse oddRefund = tenant.api().post("top-ups/" + even.string("id") + "/refunds",
                obj("amount", money("1.005", "KWD")));
        assertEquals(422, oddRefund.status(), oddRefund::toString);
        assertEquals("refund.amount_unsupported", oddRefund.code());
        assertEquals("42.420", tenant.balance(account), "a refused refund changes nothing");
        assertEquals(0, tenant.api().get("top-ups/" + even.string("id") + "/refunds").items().size());
    }

    @Test
    void aCurrencyStripeCannotCountIsNotOffered(Kassa kassa) {
        Kassa.Tenant tenant = stripeTenantIn(kassa, "IQD");
        String account = tenant.newAccount();
        List<String> offered = offeredMethods(tenant, account);
        assertFalse(offered.contains("stripe-card"), "IQD has three decimals in ISO, Stripe does not list it: "
                + offered);
        assertTrue(offered.contains("bank-transfer"), offered::toString);
        ApiResponse topUp = cardTopUp(tenant, account, "10.000", "IQD");
        assertEquals(422, topUp.status(), topUp::toString);
        assertEquals("topup.method_unavailable", topUp.code());
    }
}
