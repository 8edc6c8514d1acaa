package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.stripe.HostedPageClient.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreaClient.Page;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.stripe.CheckoutSessionView;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account pages of the client area over HTTP, as a browser without JavaScript uses them:
 * transactions, saved methods, payers and profile, with the walls between tenants and hostile
 * names rendered inert.
 */
@ExtendWith(KassaExtension.class)
class AccountPagesIT {
    private static final String HOSTILE = "<script>alert('x')</script>";
    private static final Pattern ROW = Pattern.compile("data-test=\"transaction-row\"");

    private static ClientAreaClient signedIn(Kassa kassa, Kassa.Tenant tenant, String account) {
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        ClientAreas.signIn(tenant, account, browser);
        return browser;
    }

    private static String payer(Kassa.Tenant tenant, String account, String name, String country) {
        ApiResponse created = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", name,
                "country", country));
        assertEquals(201, created.status(), created::toString);
        return created.string("id");
    }

    @Test
    void everyAccountPageRendersForASignedInCustomerAndNeedsOne(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        ClientAreaClient browser = signedIn(kassa, tenant, account);
        String reference = tenant.api().get("accounts/" + account).string("reference");

        for (String path : List.of("/transactions", "/saved-methods", "/payers", "/payers/new", "/profile")) {
            Page page = browser.get(path);
            assertEquals(200, page.status(), path + ": " + page);
            assertTrue(page.body().contains("aria-current=\"page\""), path + " marks its section");
            assertTrue(page.body().contains("<h1"), path);
        }
        Page profile = browser.get("/profile");
        assertTrue(profile.body().contains("data-test=\"reference\"") && profile.body().contains(reference),
                profile.body());
        assertTrue(profile.body().contains("/profile.js\""), "the copy button's script is a file of the theme");
        assertTrue(browser.get("/transactions").body().contains("href=\"/transactions\" aria-current=\"page\""),
                "the Transactions tab is the current one");

        ClientAreaClient visitor = new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(tenant));
        Page away = visitor.get("/payers");
        assertEquals(303, away.status(), away::toString);
        assertTrue(away.location().startsWith("/sign-in?returnTo="), away.location());
    }

    @Test
    void transactionsShowEachMovementWithTheBalanceAfterItNewestFirstAndPaged(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        tenant.fund(account, "100.00");
        ApiResponse charge = tenant.api().post("accounts/" + account + "/charges", obj("amount", money("20.00", "EUR"),
                "description", "Server rental " + HOSTILE));
        assertEquals(201, charge.status(), charge::toString);
        tenant.fund(account, "23.45");
        ClientAreaClient browser = signedIn(kassa, tenant, account);

        Page page = browser.get("/transactions");
        assertEquals(200, page.status(), page::toString);
        String body = page.body();
        assertEquals(3, count(ROW, body), body);
        int newest = body.indexOf("+€23.45");
        int charged = body.indexOf("-€20.00");
        int first = body.indexOf("+€100.00");
        assertTrue(newest > 0 && charged > newest && first > charged, "newest first: " + body);
        assertTrue(body.indexOf("€103.45", newest) > 0 && body.indexOf("€80.00", charged) > 0
                && body.indexOf("€100.00", first + 5) > 0, "the balance after each movement: " + body);
        assertFalse(body.contains(HOSTILE), body);
        assertTrue(body.contains("Server rental &lt;script&gt;"), body);
        assertFalse(body.contains("Older movements"), "one page only");

        for (int i = 0; i < 24; i++) {
            tenant.fund(account, "1.00");
        }
        Page first25 = browser.get("/transactions");
        assertEquals(25, count(ROW, first25.body()));
        Matcher older = Pattern.compile("href=\"(/transactions\\?after=[^\"]+)\"").matcher(first25.body());
        assertTrue(older.find(), first25.body());
        Page rest = browser.get(older.group(1));
        assertEquals(200, rest.status(), rest::toString);
        assertEquals(2, count(ROW, rest.body()), rest.body());
        assertTrue(rest.body().contains("+€100.00"), "the oldest movement is on the second page");

        String otherAccount = ClientAreas.newCustomer(tenant, "Bo", "DE");
        tenant.fund(otherAccount, "5.00");
        Page madeUp = browser.get("/transactions?after=jen_01M8450BKW5HK0ZJ8NNZBMD6MY");
        assertEquals(303, madeUp.status(), "a cursor of no movement of this account starts over: " + madeUp);
    }

    @Test
    void aCardIsAddedOnTheHostedPageThenMadeDefaultAndRemovedOnlyByItsOwner(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals(200, tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)))
                .status());
        stripe.sendWebhooks("sk_test_" + tenant.slug().replace('-', '_'),
                kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe"));
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        String payer = payer(tenant, account, "Ada Lovelace", "DE");
        ClientAreaClient browser = signedIn(kassa, tenant, account);

        Page list = browser.get("/saved-methods");
        assertTrue(list.body().contains("data-test=\"add-card\""), list.body());
        Page started = browser.post("/saved-methods/add", Map.of("payerId", payer, "method", "stripe-card"));
        assertEquals(303, started.status(), started::toString);
        String hostedPage = started.location();
        CheckoutSessionView session = stripe.checkoutSessions().stream().filter(s -> hostedPage.equals(s.url()))
                .findFirst().orElseThrow(() -> new AssertionError("no session with the page " + hostedPage));
        assertEquals("setup", session.mode());
        assertTrue(session.successUrl().startsWith(browser.origin() + "/saved-methods"), session::toString);
        assertTrue(session.cancelUrl().startsWith(browser.origin() + "/saved-methods"), session::toString);
        Page pending = browser.get("/saved-methods");
        assertTrue(pending.body().contains("data-status=\"PENDING\"") && pending.body().contains("Pending"),
                pending.body());

        assertTrue(submit(hostedPage, Map.of("action", "pay", "card", "4242 4242 4242 4242"))
                .startsWith(browser.origin() + "/saved-methods"), "back to the saved methods");
        Eventually.until(() -> browser.get("/saved-methods").body().contains("data-status=\"CONFIRMED\""),
                "the webhook confirms the card");
        String first = savedMethods(tenant, account).get(0).getString("id");

        ApiResponse second = tenant.api().post("accounts/" + account + "/saved-methods", obj("method", "stripe-card",
                "payerId", payer, "returnUrl", browser.origin() + "/saved-methods"));
        assertEquals(201, second.status(), second::toString);
        submit(second.object().getJsonObject("nextAction").getString("redirectUrl"), Map.of("action", "pay",
                "card", "5555 5555 5555 4444"));
        Eventually.until(() -> "CONFIRMED".equals(tenant.api().get("saved-methods/" + second.string("id"))
                .string("status")), "the second card is confirmed");
        String secondId = second.string("id");
        assertTrue(tenant.api().get("saved-methods/" + first).object().getBoolean("default"));

        // Another tenant's customer posts this account's ids: not found, and nothing changes.
        Kassa.Tenant other = kassa.newTenant();
        ClientAreaClient mallory = signedIn(kassa, other, ClientAreas.newCustomer(other, "Mallory", "DE"));
        mallory.get("/saved-methods");
        assertEquals(404, mallory.post("/saved-methods/default", Map.of("id", secondId)).status());
        assertEquals(404, mallory.post("/saved-methods/remove", Map.of("id", first)).status());
        assertEquals(404, mallory.post("/saved-methods/add", Map.of("payerId", payer, "method", "stripe-card"))
                .status(), "another tenant's payer gets no card");
        assertTrue(tenant.api().get("saved-methods/" + first).object().getBoolean("default"));
        assertEquals(2, savedMethods(tenant, account).size());

        browser.get("/saved-methods");
        Page madeDefault = browser.post("/saved-methods/default", Map.of("id", secondId));
        assertEquals(303, madeDefault.status(), madeDefault::toString);
        assertTrue(browser.follow(madeDefault).body().contains("This card is now your default."));
        assertTrue(tenant.api().get("saved-methods/" + secondId).object().getBoolean("default"));
        assertFalse(tenant.api().get("saved-methods/" + first).object().getBoolean("default"));

        Page removed = browser.post("/saved-methods/remove", Map.of("id", first));
        assertEquals(303, removed.status(), removed::toString);
        List<JsonObject> left = savedMethods(tenant, account);
        assertEquals(List.of(secondId), left.stream().map(s -> s.getString("id")).toList());
        assertFalse(browser.follow(removed).body().contains("data-saved-method=\"" + first + "\""));
    }

    @Test
    void aPayerIsAddedAndEditedWithItsErrorsTiedToTheFieldsAndAHostileNameInert(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        ClientAreaClient browser = signedIn(kassa, tenant, account);

        browser.get("/payers/new");
        Page wrongVat = browser.post("/payers/new", Map.of("type", "COMPANY", "name", "Engines GmbH",
                "country", "DE", "vatId", "DE12", "address", "Hauptstr. 1\nBerlin"));
        assertEquals(422, wrongVat.status(), wrongVat::toString);
        String form = wrongVat.body();
        assertTrue(form.contains("href=\"#payer-vatId\"") && form.contains("id=\"payer-vatId-error\""), form);
        assertTrue(form.contains("aria-invalid=\"true\"") && form.contains("payer-vatId-error\""), form);
        assertTrue(form.contains("value=\"Engines GmbH\"") && form.contains("value=\"DE12\"")
                && form.contains("Hauptstr. 1\nBerlin</textarea>"), "what was typed is kept: " + form);
        assertEquals(0, tenant.api().get("accounts/" + account + "/payers").items().size());

        Page blank = browser.post("/payers/new", Map.of("type", "PERSON", "name", " ", "country", ""));
        assertEquals(422, blank.status(), blank::toString);
        assertTrue(blank.body().contains("href=\"#payer-name\"") && blank.body().contains("href=\"#payer-country\""),
                blank.body());

        Page added = browser.post("/payers/new", Map.of("type", "COMPANY", "name", HOSTILE, "country", "DE",
                "vatId", "DE 123 456 789", "address", "Hauptstr. 1\nBerlin"));
        assertEquals(303, added.status(), added::toString);
        assertEquals("/payers?done=added", added.location());
        JsonObject payer = tenant.api().get("accounts/" + account + "/payers").items().getJsonObject(0);
        assertEquals("DE123456789", payer.getString("vatId"));
        assertEquals(HOSTILE, payer.getString("name"));
        Page list = browser.follow(added);
        assertFalse(list.body().contains(HOSTILE), list.body());
        assertTrue(list.body().contains("&lt;script&gt;alert("), list.body());

        String id = payer.getString("id");
        Page edit = browser.get("/payers/edit?id=" + id);
        assertEquals(200, edit.status(), edit::toString);
        assertFalse(edit.body().contains(HOSTILE), edit.body());
        Page wrongCountry = browser.post("/payers/edit", Map.of("id", id, "type", "COMPANY", "name", "Engines SAS",
                "country", "FR", "vatId", "DE123456789", "address", "Hauptstr. 1\nBerlin"));
        assertEquals(422, wrongCountry.status(), "a German VAT ID in France: " + wrongCountry);
        assertTrue(wrongCountry.body().contains("id=\"payer-vatId-error\""), wrongCountry.body());
        Page changed = browser.post("/payers/edit", Map.of("id", id, "type", "COMPANY", "name", "Engines SAS",
                "country", "FR", "vatId", "FR40303265045", "address", ""));
        assertEquals(303, changed.status(), changed::toString);
        JsonObject after = tenant.api().get("accounts/" + account + "/payers/" + id).object();
        assertEquals("Engines SAS", after.getString("name"));
        assertEquals("FR", after.getString("country"));
        assertTrue(after.isNull("address"), "an emptied address is removed");

        // Another tenant's customer with this payer's id: not found, and nothing changes.
        Kassa.Tenant other = kassa.newTenant();
        ClientAreaClient mallory = signedIn(kassa, other, ClientAreas.newCustomer(other, "Mallory", "DE"));
        assertEquals(404, mallory.get("/payers/edit?id=" + id).status());
        mallory.get("/payers");
        Page refused = mallory.post("/payers/edit", Map.of("id", id, "type", "PERSON", "name", "Mallory",
                "country", "DE"));
        assertEquals(404, refused.status(), refused::toString);
        assertFalse(refused.body().contains("Engines SAS"), refused.body());
        assertEquals("Engines SAS", tenant.api().get("accounts/" + account + "/payers/" + id).string("name"));
    }

    @Test
    void theCurrencyChangesOnlyWhileTheBalanceIsZeroAndSaysWhyNot(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals(200, tenant.api().put("settings/currencies", obj("base", "EUR", "enabled", List.of("EUR", "USD")))
                .status());
        String empty = ClientAreas.newCustomer(tenant, "Ada", "DE");
        ClientAreaClient browser = signedIn(kassa, tenant, empty);
        Page profile = browser.get("/profile");
        assertTrue(profile.body().contains("data-test=\"currency-submit\""), profile.body());
        Page changed = browser.post("/profile/currency", Map.of("currency", "USD"));
        assertEquals(303, changed.status(), changed::toString);
        assertEquals("USD", tenant.api().get("accounts/" + empty).object().getJsonObject("balance")
                .getString("currency"));
        assertTrue(browser.follow(changed).body().contains("Your account is kept in USD."));
        browser.post("/profile/currency", Map.of("currency", "EUR"));

        String funded = ClientAreas.newCustomer(tenant, "Bo", "DE");
        tenant.fund(funded, "10.00");
        ClientAreaClient other = signedIn(kassa, tenant, funded);
        Page locked = other.get("/profile");
        assertTrue(locked.body().contains("data-test=\"currency-locked\"")
                && locked.body().contains("The currency can change only while your balance is zero."), locked.body());
        assertFalse(locked.body().contains("data-test=\"currency-submit\""), locked.body());
        Page refused = other.post("/profile/currency", Map.of("currency", "USD"));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.body().contains("The currency can change only while your balance is zero."));
        assertEquals("EUR", tenant.api().get("accounts/" + funded).object().getJsonObject("balance")
                .getString("currency"));
    }

    @Test
    void thePasswordChangesWithTheCurrentOneAndTheNewOneTwice(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        String email = tenant.api().get("accounts/" + account).string("email");
        ClientAreaClient browser = signedIn(kassa, tenant, account);
        ClientAreaClient elsewhere = ClientAreas.open(kassa, tenant); // signed in by password on another device
        elsewhere.get("/sign-in");
        assertEquals(303, elsewhere.post("/sign-in", Map.of("email", email, "password", ClientAreas.PASSWORD)).status());
        assertEquals(200, elsewhere.get("/top-up").status());
        String chosen = "a brand new passphrase";

        browser.get("/profile");
        Page wrong = browser.post("/profile/password", Map.of("currentPassword", "not it", "newPassword", chosen,
                "confirmPassword", chosen));
        assertEquals(422, wrong.status(), wrong::toString);
        assertTrue(wrong.body().contains("href=\"#profile-currentPassword\""), wrong.body());
        Page mismatch = browser.post("/profile/password", Map.of("currentPassword", ClientAreas.PASSWORD,
                "newPassword", chosen, "confirmPassword", chosen + "!"));
        assertEquals(422, mismatch.status(), mismatch::toString);
        assertTrue(mismatch.body().contains("The two passwords are not the same."), mismatch.body());
        Page tooShort = browser.post("/profile/password", Map.of("currentPassword", ClientAreas.PASSWORD,
                "newPassword", "short", "confirmPassword", "short"));
        assertEquals(422, tooShort.status(), tooShort::toString);
        assertTrue(tooShort.body().contains("id=\"profile-newPassword-error\""), tooShort.body());

        Page done = browser.post("/profile/password", Map.of("currentPassword", ClientAreas.PASSWORD,
                "newPassword", chosen, "confirmPassword", chosen));
        assertEquals(303, done.status(), done::toString);
        assertTrue(browser.follow(done).body().contains("Your password is changed."));
        assertEquals(200, browser.get("/top-up").status(), "the browser that changed it stays signed in");
        assertEquals(303, elsewhere.get("/top-up").status(), "another browser is signed out");

        browser.post("/sign-out", Map.of());
        browser.get("/sign-in");
        assertEquals(422, browser.post("/sign-in", Map.of("email", email, "password", ClientAreas.PASSWORD)).status());
        assertEquals(303, browser.post("/sign-in", Map.of("email", email, "password", chosen)).status());
    }

    // ---- helpers

    private static List<JsonObject> savedMethods(Kassa.Tenant tenant, String account) {
        return tenant.api().get("accounts/" + account + "/saved-methods").items().getValuesAs(JsonObject.class);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
    }
