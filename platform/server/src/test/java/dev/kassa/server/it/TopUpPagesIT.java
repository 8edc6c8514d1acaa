package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.stripe.HostedPageClient.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreaClient.Page;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Top-up and Payment history pages over HTTP, as a browser without JavaScript uses them: the
 * limits and presets, bank transfer and its instructions, the history and its filter, a quote
 * before paying in another currency, one top-up for a form sent twice, a card payment sent to the
 * gateway's hosted page, a failed payment's notice, and walls between customers and tenants.
 */
@ExtendWith(KassaExtension.class)
class TopUpPagesIT {
    private static final String HOSTILE = "<script>alert('x')</script>";
    private static final String IBAN = "DE89370400440532013000";
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final Pattern QUOTE = Pattern.compile("name=\"quote\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("data-test=\"history-row\" data-status=\"([A-Z]+)\"");

    /** A tenant with bank details, its client area open, and a signed-in customer in DE. */
    private record Shop(Kassa.Tenant tenant, ClientAreaClient browser, String account) { }

    private static Shop shop(Kassa kassa, String customerName) {
        return shop(kassa, customerName, "DE");
    }

    private static Shop shop(Kassa kassa, String customerName, String country) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse bank = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("beneficiary", "Demo Hosting GmbH", "iban", IBAN,
                        "bic", "COBADEFFXXX")));
        assertEquals(200, bank.status(), bank::toString);
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, customerName, country);
        ClientAreas.signIn(tenant, account, browser);
        return new Shop(tenant, browser, account);
    }

    private static List<JsonObject> topUps(Shop shop) {
        return shop.tenant().api().get("accounts/" + shop.account() + "/top-ups").items().getValuesAs(JsonObject.class);
    }

    private static String key(Page page) {
        Matcher m = KEY.matcher(page.body());
        assertTrue(m.find(), page::toString);
        return m.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static List<String> rowStatuses(Page page) {
        Matcher m = ROW.matcher(page.body());
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theStartIsTheTopUpTabWithPresetsAndLimitsAndAnAmountOverTheLimitCreatesNothing(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");

        Page start = shop.browser().get("/");
        assertEquals(303, start.status(), start::toString);
        assertEquals("/top-up", start.location());
        Page page = shop.browser().get("/top-up");
        assertEquals(200, page.status(), page::toString);
        assertEquals(4, page.body().split("data-test=\"preset\"", -1).length - 1, page.body());
        for (String preset : List.of("€100.00", "€200.00", "€500.00", "€1,000.00")) {
            assertTrue(page.body().contains(preset), preset);
        }
        assertTrue(page.body().contains("From €0.50 to €15,000.00."), page.body());
        assertTrue(page.body().contains("data-method=\"bank-transfer\""), page.body());
        assertFalse(page.body().contains("data-test=\"payer\""), "one payer or none: no choice to make");

        Page tooMuch = shop.browser().post("/top-up", form("key", key(page), "amount", "15000.01", "method",
                "bank-transfer", "currency", "EUR"));
        assertEquals(422, tooMuch.status(), tooMuch::toString);
        assertTrue(tooMuch.body().contains("Enter an amount from €0.50 to €15,000.00."), tooMuch.body());
        assertTrue(tooMuch.body().contains("aria-invalid=\"true\""), tooMuch.body());
        assertTrue(tooMuch.body().contains("value=\"15000.01\""), "what was typed is kept");
        Page typo = shop.browser().post("/top-up", form("key", key(page), "amount", "1O0", "method", "bank-transfer"));
        assertEquals(422, typo.status(), typo::toString);
        assertTrue(typo.body().contains("Enter the amount as a number, like 100 or 49.50."), typo.body());
        assertEquals(List.of(), topUps(shop));
    }

    @Test
    void aBankTransferShowsItsInstructionsAndTheHistoryListsItAsNewUntilItChanges(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");
        Page page = shop.browser().get("/top-up");

        Page sent = shop.browser().post("/top-up", form("key", key(page), "preset", "200.00", "method",
                "bank-transfer", "currency", "EUR"));
        assertEquals(303, sent.status(), sent::toString);
        assertTrue(sent.location().startsWith("/top-up/instructions?topUp="), sent.location());
        JsonObject topUp = topUps(shop).get(0);
        assertEquals("200.00", topUp.getJsonObject("amount").getString("amount"));
        Page instructions = shop.browser().follow(sent);
        assertEquals(200, instructions.status(), instructions::toString);
        assertTrue(instructions.body().contains("data-test=\"instructions\""), instructions.body());
        assertTrue(instructions.body().contains(IBAN) && instructions.body().contains("COBADEFFXXX")
                && instructions.body().contains("Demo Hosting GmbH"), instructions.body());
        assertTrue(instructions.body().contains("€200.00"), instructions.body());
        assertTrue(instructions.body().contains("data-test=\"reference\">" + topUp.getString("reference") + "<"),
                instructions.body());

        assertEquals(List.of("NEW"), rowStatuses(shop.browser().get("/history")));
        assertEquals(List.of(), rowStatuses(shop.browser().get("/history?status=PAID")));
        assertEquals(List.of("NEW"), rowStatuses(shop.browser().get("/history?status=NEW")));
        Page status = shop.browser().get("/history/status?ids=" + topUp.getString("id"));
        assertEquals(200, status.status(), status::toString);
        assertEquals("{\"" + topUp.getString("id") + "\":\"NEW\"}", status.body());

        assertEquals(200, shop.tenant().api().post("top-ups/" + topUp.getString("id") + "/cancel", "{}").status());
        Page cancelled = shop.browser().get("/history?status=CANCELLED");
        assertEquals(List.of("CANCELLED"), rowStatuses(cancelled));
        assertTrue(cancelled.body().contains("Reason: Cancelled by request"), cancelled.body());
        assertFalse(cancelled.body().contains("data-test=\"notice-error\""), "cancelled on request: no failure");
    }

    @Test
    void aFormSentTwiceCreatesOneTopUp(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");
        Map<String, String> fields = form("key", key(shop.browser().get("/top-up")), "amount", "50", "method",
                "bank-transfer", "currency", "EUR");

        Page first = shop.browser().post("/top-up", fields);
        Page second = shop.browser().post("/top-up", fields);

        assertEquals(303, first.status(), first::toString);
        assertEquals(first.location(), second.location());
        assertEquals(1, topUps(shop).size());
        Page fresh = shop.browser().post("/top-up", form("key", key(shop.browser().get("/top-up")), "amount", "50",
                "method", "bank-transfer", "currency", "EUR"));
        assertEquals(303, fresh.status(), fresh::toString);
        assertEquals(2, topUps(shop).size(), "a new rendering of the form is a new top-up");
    }

    @Test
    void payingInAnotherCurrencyShowsTheQuoteBeforeAnythingIsCreated(Kassa kassa) {
        String xml = Fixtures.text("ecb/eurofxref-daily_2025-04-03.xml")
                .replace("2025-04-03", LocalDate.now(ZoneOffset.UTC).toString());
        ApiResponse upload = kassa.operator().send("POST", "operator/exchange-rates", xml,
                Map.of("Content-Type", "application/xml"));
        assertTrue(upload.status() == 200 || upload.status() == 201, upload::toString);
        Shop shop = shop(kassa, "Ada Lovelace");
        assertEquals(200, shop.tenant().api().put("settings/currencies", obj("base", "EUR",
                "enabled", List.of("EUR", "USD"), "markupBasisPoints", 0)).status());

        Page page = shop.browser().get("/top-up?currency=USD");
        assertTrue(page.body().contains("<option value=\"USD\" selected=\"selected\">USD</option>"), page.body());
        Page confirm = shop.browser().post("/top-up", form("key", key(page), "amount", "100", "method",
                "bank-transfer", "currency", "USD"));
        assertEquals(200, confirm.status(), confirm::toString);
        assertTrue(confirm.body().contains("data-test=\"quote\""), confirm.body());
        assertTrue(confirm.body().contains("€100.00") && confirm.body().contains("1 USD = "), confirm.body());
        assertEquals(List.of(), topUps(shop), "nothing before the customer confirms");

        Matcher quote = QUOTE.matcher(confirm.body());
        assertTrue(quote.find(), confirm.body());
        Page paid = shop.browser().post("/top-up", form("key", key(confirm), "quote", quote.group(1), "amount", "100",
                "method", "bank-transfer", "currency", "USD"));
        assertEquals(303, paid.status(), paid::toString);
        JsonObject topUp = topUps(shop).get(0);
        assertEquals("USD", topUp.getJsonObject("amount").getString("currency"));
        assertEquals("100.00", topUp.getJsonObject("credit").getString("amount"));
        assertEquals(quote.group(1), topUp.getString("quoteId"));
        assertTrue(shop.browser().follow(paid).body().contains("US$") || shop.browser().follow(paid).body()
                .contains("$"), "the instructions ask for dollars");
    }

    @Test
    void instructionsAndStatusesAreTheCustomersOwnAndAnotherTenantsCustomerGets404(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");
        Page sent = shop.browser().post("/top-up", form("key", key(shop.browser().get("/top-up")), "amount", "75",
                "method", "bank-transfer", "currency", "EUR"));
        String path = sent.location();
        String topUpId = path.substring(path.indexOf('=') + 1);

        Shop other = shop(kassa, "Mallory");
        Page theirs = other.browser().get(path);
        assertEquals(404, theirs.status(), theirs::toString);
        assertFalse(theirs.body().contains(IBAN), theirs.body());
        assertEquals("{}", other.browser().get("/history/status?ids=" + topUpId).body());
        assertEquals(List.of(), rowStatuses(other.browser().get("/history")));

        String neighbour = ClientAreas.newCustomer(shop.tenant(), "Neighbour", "DE");
        ClientAreaClient next = ClientAreas.signIn(shop.tenant(), neighbour,
                new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(shop.tenant())));
        assertEquals(404, next.get(path).status(), "another customer of the same tenant");
        Page dismiss = next.post("/notices/dismiss", form("topUp", topUpId));
        assertEquals(404, dismiss.status(), dismiss::toString);
    }

    @Test
    void aHostilePayerNameRendersInertAndAnotherTenantsPayerIsNotFound(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");
        for (String name : List.of(HOSTILE, "Analytical Engines SARL")) {
            ApiResponse payer = shop.tenant().api().post("accounts/" + shop.account() + "/payers",
                    obj("type", "COMPANY", "name", name, "country", "FR"));
            assertEquals(201, payer.status(), payer::toString);
        }
        Page page = shop.browser().get("/top-up");
        assertTrue(page.body().contains("data-test=\"payer\""), page.body());
        assertFalse(page.body().contains(HOSTILE), page.body());
        assertTrue(page.body().contains("&lt;script&gt;"), page.body());

        Shop other = shop(kassa, "Mallory");
        String theirPayer = other.tenant().api().post("accounts/" + other.account() + "/payers",
                obj("type", "PERSON", "name", "Eve", "country", "DE")).string("id");
        assertEquals(404, shop.browser().get("/top-up?payer=" + theirPayer).status());
        Page posted = shop.browser().post("/top-up", form("key", key(page), "amount", "50", "payer", theirPayer,
                "method", "bank-transfer", "currency", "EUR"));
        assertEquals(404, posted.status(), posted::toString);
        assertEquals(List.of(), topUps(shop));
    }

    @Test
    void anotherAccountIsToppedUpByItsReferenceWithoutShowingItsHolder(Kassa kassa) {
        Shop shop = shop(kassa, "Ada Lovelace");
        String friend = ClientAreas.newCustomer(shop.tenant(), "Secret Friend", "DE");
        shop.tenant().fund(friend, "999.00");
        String reference = shop.tenant().api().get("accounts/" + friend).string("reference");
        Shop elsewhere = shop(kassa, "Stranger");
        String foreign = elsewhere.tenant().api().get("accounts/" + elsewhere.account()).string("reference");
        shop.browser().get("/top-up/another");

        Page unknown = shop.browser().post("/top-up/another", form("reference", foreign, "amount", "30",
                "currency", "EUR"));
        assertEquals(422, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("No account has this top-up reference."), unknown.body());

        Page found = shop.browser().post("/top-up/another", form("reference", reference.toLowerCase(), "amount", "30",
                "currency", "EUR"));
        assertEquals(200, found.status(), found::toString);
        assertTrue(found.body().contains("data-test=\"reference\">" + reference + "<"), found.body());
        assertTrue(found.body().contains(IBAN) && found.body().contains("€30.00"), found.body());
        assertFalse(found.body().contains("Secret Friend") || found.body().contains("999"), found.body());
    }

    @Test
    void aCardGoesToTheHostedPageAndADeclineLeavesANoticeUntilDismissed(Kassa kassa, StripeFake stripe)
            throws Exception {
        Shop shop = shop(kassa, "Ada Lovelace");
        String secretKey = "sk_test_" + shop.tenant().slug().replace('-', '_');
        ApiResponse card = shop.tenant().api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", secretKey, "publishableKey",
                        StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, card.status(), card::toString);
        stripe.sendWebhooks(secretKey, kassa.process().baseUri().resolve("/webhooks/" + shop.tenant().slug()
                + "/stripe"));

        Page sent = shop.browser().post("/top-up", form("key", key(shop.browser().get("/top-up")), "amount", "20",
                "method", "stripe-card", "currency", "EUR"));
        assertEquals(303, sent.status(), sent::toString);
        JsonObject topUp = topUps(shop).get(0);
        String session = topUp.getJsonObject("payment").getString("gatewayReference");
        assertEquals(stripe.checkoutSession(session).orElseThrow().url(), sent.location());

        String back = submit(sent.location(), Map.of("action", "decline"));
        assertEquals(shop.browser().origin() + "/top-up", back);
        Page next = shop.browser().get("/top-up");
        assertTrue(next.body().contains("data-test=\"notice-error\""), next.body());
        assertTrue(next.body().contains("Your card was declined."), next.body());
        assertEquals(List.of("CANCELLED"), rowStatuses(shop.browser().get("/history")));

        Page dismissed = shop.browser().post("/notices/dismiss", form("topUp", topUp.getString("id"),
                "returnTo", "/history"));
        assertEquals(303, dismissed.status(), dismissed::toString);
        assertEquals("/history", dismissed.location());
        assertFalse(shop.browser().get("/top-up").body().contains("data-test=\"notice-error\""));
    }

    @Test
    void aFrenchCustomersDeclinedCardShowsTheReasonInFrenchWhileTheApiKeepsTheGatewaysWords(Kassa kassa,
                                                                                            StripeFake stripe)
            throws Exception {
        Shop shop = shop(kassa, "Zoé Durand", "FR");
        assertEquals(200, shop.tenant().api().put("themes/french", obj("enabled", true, "countries", List.of("FR")))
                .status());
        String secretKey = "sk_test_" + shop.tenant().slug().replace('-', '_');
        ApiResponse card = shop.tenant().api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", secretKey, "publishableKey",
                        StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, card.status(), card::toString);
        stripe.sendWebhooks(secretKey, kassa.process().baseUri().resolve("/webhooks/" + shop.tenant().slug()
                + "/stripe"));

        Page sent = shop.browser().post("/top-up", form("key", key(shop.browser().get("/top-up")), "amount", "20",
                "method", "stripe-card", "currency", "EUR"));
        assertEquals(303, sent.status(), sent::toString);
        submit(sent.location(), Map.of("action", "pay", "card", "4000000000009995")); // insufficient_funds

        String french = "Le solde disponible sur votre carte est insuffisant.";
        Page history = shop.browser().get("/history");
        assertEquals(List.of("CANCELLED"), rowStatuses(history));
        assertTrue(history.body().contains("<html lang=\"fr\""), history.body());
        assertTrue(history.body().contains("Motif : " + french), history.body());
        assertTrue(history.body().contains("Motif : " + french + "</p>"), "and the failed-payment notice: "
                + history.body());
        assertFalse(history.body().contains("insufficient funds"), history.body());
        JsonObject topUp = topUps(shop).get(0);
        assertEquals("Your card has insufficient funds.", topUp.getString("cancelReason"), "the API's contract");
        assertEquals("insufficient_funds", topUp.getString("cancelReasonCode"));
    }
}
