package dev.kassa.server.it;

import static dev.kassa.server.it.ClientAreaBrowserIT.balance;
import static dev.kassa.server.it.ClientAreaBrowserIT.portOf;
import static dev.kassa.server.it.ClientAreaBrowserIT.url;
import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.browser.Accessibility;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.browser.Csp;
import dev.kassa.testkit.browser.PageWeight;
import dev.kassa.testkit.browser.Screenshots;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The payment pages in headless Chromium, as a customer pays: a preset and a bank transfer, a card
 * through the Stripe fake's hosted page with 3-D Secure, a decline and its notice, a card saved
 * (Pending, then Confirmed), a quote before paying in dollars, a hostile payer name, and every
 * payment page checked by axe, for its weight and for CSP violations, in English and French.
 *
 * <p>One tenant (bank transfer, Stripe with its webhooks, French, dollars) serves every test that
 * does not need its own; each test has its own customer, so their histories do not meet.
 */
@ExtendWith({KassaExtension.class, BrowserExtension.class})
class PaymentsBrowserIT {
    private static final String IBAN = "DE89370400440532013000";
    private static final String HOSTILE = "<script>window.__pwned=1</script>";
    private static final String THREE_D_SECURE_CARD = "4000 0027 6000 3184";

    private static Kassa.Tenant shared;

    /** The tenant most tests share: bank transfer, Stripe (webhooks sent), French for FR, EUR and USD. */
    private static synchronized Kassa.Tenant shop(Kassa kassa, StripeFake stripe) {
        if (shared == null) {
            Kassa.Tenant tenant = kassa.newTenant();
            ClientAreas.open(kassa, tenant);
            bankTransfer(tenant);
            stripeCard(tenant);
            stripe.sendWebhooks(secretKey(tenant), webhookUrl(kassa, tenant));
            assertEquals(200, tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR")))
                    .status());
            uploadRates(kassa);
            ApiResponse currencies = tenant.api().put("settings/currencies", obj("base", "EUR",
                    "enabled", List.of("EUR", "USD"), "markupBasisPoints", 0));
            assertEquals(200, currencies.status(), currencies::toString);
            shared = tenant;
        }
        return shared;
    }

    private static void bankTransfer(Kassa.Tenant tenant) {
        ApiResponse bank = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("beneficiary", "Demo Hosting GmbH", "iban", IBAN,
                        "bic", "COBADEFFXXX")));
        assertEquals(200, bank.status(), bank::toString);
    }

    private static void stripeCard(Kassa.Tenant tenant) {
        ApiResponse card = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", secretKey(tenant), "publishableKey",
                        StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, card.status(), card::toString);
    }

    private static void uploadRates(Kassa kassa) {
        String xml = Fixtures.text("ecb/eurofxref-daily_2025-04-03.xml")
                .replace("2025-04-03", LocalDate.now(ZoneOffset.UTC).toString());
        ApiResponse upload = kassa.operator().send("POST", "operator/exchange-rates", xml,
                Map.of("Content-Type", "application/xml"));
        assertTrue(upload.status() == 200 || upload.status() == 201, upload::toString);
    }

    private static String secretKey(Kassa.Tenant tenant) {
        return "sk_test_" + tenant.slug().replace('-', '_');
    }

    private static URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe");
    }

    /** A new customer of the tenant, signed in in the browser with a link from the tenant's panel. */
    private static String signedIn(Kassa kassa, Kassa.Tenant tenant, Browser browser, String name, String country) {
        String account = ClientAreas.newCustomer(tenant, name, country);
        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/top-up")).string("url")));
        browser.waitForTest("sign-out");
        return account;
    }

    private static List<JsonObject> topUps(Kassa.Tenant tenant, String account) {
        return tenant.api().get("accounts/" + account + "/top-ups").items().getValuesAs(JsonObject.class);
    }

    private static void chooseMethod(Browser browser, String code) {
        browser.driver().findElement(By.cssSelector("[data-test=method][data-method=\"" + code + "\"]")).click();
    }

    /** The one history row, with its status as the page has it now (the script may change it). */
    private static String rowStatus(Browser browser) {
        List<WebElement> rows = browser.allByTest("history-row");
        assertEquals(1, rows.size(), browser::pageSource);
        return rows.get(0).getAttribute("data-status");
    }

    private static void waitForRowStatus(Browser browser, String status) {
        browser.waitFor(d -> status.equals(d.findElement(By.cssSelector("[data-test=history-row]"))
                .getAttribute("data-status")), Duration.ofSeconds(20));
    }

    private static void onGatewayPage(Browser browser, StripeFake stripe) {
        browser.waitFor(d -> d.getCurrentUrl().startsWith(stripe.baseUrl()));
    }

    private static void switchLanguage(Browser browser, String language) {
        if (language.equals(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))) {
            return;
        }
        browser.driver().findElement(By.cssSelector("[data-test=language] button[value=" + language + "]")).click();
        browser.waitFor(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** axe, the weight budget (the gateway's host left out) and the CSP on the page shown, and its screenshot. */
    private static void checkPage(Browser browser, StripeFake stripe, String name) {
        Screenshots.take(browser, name);
        Accessibility.assertNoSeriousViolations(browser);
        PageWeight.assertWithinBudget(browser, URI.create(stripe.baseUrl()).getHost());
        Csp.assertNoViolations(browser);
    }

    @Test
    void aPresetPaidByBankTransferShowsTheInstructionsAndTheHistoryFollowsItsStatus(Kassa kassa, StripeFake stripe,
                                                                                 Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        String account = signedIn(kassa, tenant, browser, "Ada Lovelace", "DE");

        WebElement preset = browser.allByTest("preset").get(1);
        assertEquals("200.00", preset.getAttribute("value"));
        browser.driver().findElement(By.cssSelector("label[for=\"" + preset.getAttribute("id") + "\"]")).click();
        assertTrue(preset.isSelected());
        assertEquals("200.00", browser.byTest("amount").getAttribute("value"), "the preset fills the amount");
        chooseMethod(browser, "bank-transfer");
        browser.click("topup-submit");

        browser.waitForTest("instructions");
        JsonObject topUp = topUps(tenant, account).get(0);
        assertEquals(topUp.getString("reference"), browser.text("reference"));
        String instructions = browser.text("instructions");
        assertTrue(instructions.contains("€200.00") && instructions.contains(IBAN), instructions);

        browser.open(url(kassa, tenant, "/history"));
        assertEquals("NEW", rowStatus(browser));
        browser.script("window.__sameDocument = true");
        assertEquals(200, tenant.api().post("top-ups/" + topUp.getString("id") + "/cancel", "{}").status());
        waitForRowStatus(browser, "CANCELLED");
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"), "no reload");
        Csp.assertNoViolations(browser);
    }

    @Test
    void aCardPaidOnTheHostedPageAfter3dSecureTurnsPaidWithoutAReload(Kassa kassa, StripeFake stripe,
                                                                      Browser browser) throws Exception {
        // A tenant of its own whose Stripe account sends no webhooks while the customer pays: the row is
        // New when the browser comes back, and the webhooks are delivered once the history is shown.
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        stripeCard(tenant);
        String account = signedIn(kassa, tenant, browser, "Grace Hopper", "DE");

        browser.type("amount", "30");
        chooseMethod(browser, "stripe-card");
        browser.click("topup-submit");
        onGatewayPage(browser, stripe);
        assertTrue(browser.text("checkout-amount").contains("30.00 EUR"), browser.pageSource());
        browser.type("checkout-card", THREE_D_SECURE_CARD).click("checkout-pay");
        browser.waitForTest("checkout-authenticate");
        assertTrue(browser.currentUri().getPath().endsWith("/authenticate"), browser.currentUri().toString());
        browser.click("checkout-authenticate");

        browser.waitFor(d -> d.getCurrentUrl().startsWith(url(kassa, tenant, "/history")));
        String landed = rowStatus(browser);
        browser.script("window.__sameDocument = true");
        String session = topUps(tenant, account).get(0).getJsonObject("payment").getString("gatewayReference");
        // The janitor may have asked Stripe first: then the payment names the intent, and it is settled already.
        var checkout = stripe.checkoutSession(session);
        if (checkout.isPresent()) {
            String intent = checkout.get().paymentIntent();
            assertEquals(200, stripe.sessionEvent(session, Instant.now()).postTo(webhookUrl(kassa, tenant)).statusCode());
            assertEquals(200, stripe.paymentEvent(intent, Instant.now()).postTo(webhookUrl(kassa, tenant)).statusCode());
        }

        waitForRowStatus(browser, "PAID");
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true"), "no reload");
        System.out.println("[PaymentsBrowserIT] the card's row was " + landed + " when the browser came back");
        browser.driver().navigate().refresh();
        assertTrue(balance(browser).contains("€30.00"), balance(browser));
        assertEquals("30.00", tenant.balance(account));
        Csp.assertNoViolations(browser);
    }

    @Test
    void aDeclineShowsCancelledWithTheReasonAndANoticeUntilDismissed(Kassa kassa, StripeFake stripe,
                                                                   Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        signedIn(kassa, tenant, browser, "Alan Turing", "DE");

        browser.type("amount", "20");
        chooseMethod(browser, "stripe-card");
        browser.click("topup-submit");
        onGatewayPage(browser, stripe);
        browser.click("checkout-decline");

        browser.waitFor(d -> d.getCurrentUrl().equals(url(kassa, tenant, "/top-up")));
        assertTrue(browser.text("notice-error").contains("Your card was declined."), browser.text("notice-error"));
        assertTrue(browser.text("notice-error").contains("€20.00"), browser.text("notice-error"));

        browser.open(url(kassa, tenant, "/history"));
        assertEquals("CANCELLED", rowStatus(browser));
        assertTrue(browser.byTest("history-row").getText().contains("Reason: Your card was declined."),
                browser.byTest("history-row").getText());
        assertTrue(browser.has("notice-error"), "the notice stays on the next pages");

        browser.driver().findElement(By.cssSelector("[data-test=notice-error] button[type=submit]")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("[data-test=notice-error]")).isEmpty());
        assertEquals("/history", browser.currentUri().getPath());
        browser.open(url(kassa, tenant, "/top-up"));
        assertFalse(browser.has("notice-error"), "dismissed for good");
        Csp.assertNoViolations(browser);
    }

    @Test
    void aCardSavedWhilePayingAndOneAddedOnTheSavedMethodsPageArePendingThenConfirmed(Kassa kassa,
                                                                                      StripeFake stripe,
                                                                                      Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        String account = ClientAreas.newCustomer(tenant, "Katherine Johnson", "DE");
        assertEquals(201, tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON",
                "name", "Katherine Johnson", "country", "DE")).status());
        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/top-up")).string("url")));
        browser.waitForTest("sign-out");

        // Saved while paying.
        browser.type("amount", "25");
        chooseMethod(browser, "stripe-card");
        WebElement save = browser.byTest("save-method");
        if (!save.isSelected()) {
            save.click();
        }
        browser.click("topup-submit");
        onGatewayPage(browser, stripe);
        browser.click("checkout-pay");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(url(kassa, tenant, "/history")));
        assertEquals("PAID", rowStatus(browser), "the webhooks came before the browser");
        browser.open(url(kassa, tenant, "/saved-methods"));
        List<WebElement> rows = browser.allByTest("saved-method-row");
        assertEquals(1, rows.size(), browser::pageSource);
        assertEquals("CONFIRMED", rows.get(0).getAttribute("data-status"));
        assertTrue(rows.get(0).getText().contains("4242") && rows.get(0).getText().contains("Confirmed"),
                rows.get(0).getText());

        // Added on the Saved methods page (the gateway's page in setup mode); the customer looks at the
        // list before finishing there.
        browser.click("add-card");
        onGatewayPage(browser, stripe);
        String setupPage = browser.currentUri().toString();
        browser.open(url(kassa, tenant, "/saved-methods"));
        WebElement pending = browser.driver().findElement(By.cssSelector("[data-test=saved-method-row][data-status=PENDING]"));
        assertTrue(pending.getText().contains("Pending"), pending.getText());
        String pendingId = pending.getAttribute("data-saved-method");
        browser.open(setupPage);
        browser.type("checkout-card", "4242 4242 4242 4242").click("checkout-pay");
        browser.waitFor(d -> d.getCurrentUrl().equals(url(kassa, tenant, "/saved-methods")));
        WebElement confirmed = browser.driver().findElement(By.cssSelector("[data-test=saved-method-row][data-saved-method=\""
                + pendingId + "\"]"));
        assertEquals("CONFIRMED", confirmed.getAttribute("data-status"), confirmed.getText());
        assertTrue(confirmed.getText().contains("Confirmed"), confirmed.getText());
        Csp.assertNoViolations(browser);
    }

    @Test
    void payingInDollarsShowsTheQuoteBeforeAnythingIsCreated(Kassa kassa, StripeFake stripe, Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        String account = signedIn(kassa, tenant, browser, "Ada Lovelace", "DE");

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("topup-currency")))
                .selectByValue("USD"); // the page's script reloads it for dollars
        browser.waitFor(d -> d.getCurrentUrl().contains("currency=USD"));
        browser.type("amount", "100");
        chooseMethod(browser, "bank-transfer");
        browser.click("topup-submit");

        String quote = browser.waitForTest("quote").getText();
        assertTrue(quote.contains("€100.00") && quote.contains("1 USD = ") && quote.contains("$"), quote);
        assertEquals(List.of(), topUps(tenant, account), "nothing before the customer confirms");
        browser.click("topup-submit");
        browser.waitForTest("instructions");
        JsonObject topUp = topUps(tenant, account).get(0);
        assertEquals("USD", topUp.getJsonObject("amount").getString("currency"));
        assertEquals("100.00", topUp.getJsonObject("credit").getString("amount"));
        assertTrue(browser.text("instructions").contains("$"), browser.text("instructions"));
        Csp.assertNoViolations(browser);
    }

    @Test
    void aHostilePayerNameRendersInert(Kassa kassa, StripeFake stripe, Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        for (String name : List.of(HOSTILE, "Analytical Engines SARL")) {
            ApiResponse payer = tenant.api().post("accounts/" + account + "/payers",
                    obj("type", "COMPANY", "name", name, "country", "FR"));
            assertEquals(201, payer.status(), payer::toString);
        }
        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/top-up")).string("url")));
        browser.waitForTest("payer");

        assertNull(browser.script("return window.__pwned"));
        List<String> shown = browser.byTest("payer").findElements(By.tagName("option")).stream()
                .map(o -> o.getAttribute("textContent")).toList();
        assertTrue(shown.contains(HOSTILE + " (FR)"), shown.toString());
        assertFalse(browser.pageSource().contains(HOSTILE), "escaped in the HTML");
        Csp.assertNoViolations(browser);
    }

    @Test
    void everyPaymentPagePassesAxeTheBudgetAndTheCspInEnglishAndFrench(Kassa kassa, StripeFake stripe,
                                                                       Browser browser) {
        Kassa.Tenant tenant = shop(kassa, stripe);
        String account = signedIn(kassa, tenant, browser, "Ada Lovelace", "DE");
        String friend = tenant.api().get("accounts/" + ClientAreas.newCustomer(tenant, "Friend", "DE"))
                .string("reference");

        for (String language : List.of("en", "fr")) {
            browser.open(url(kassa, tenant, "/top-up"));
            switchLanguage(browser, language);
            checkPage(browser, stripe, "top-up." + language);

            browser.open(url(kassa, tenant, "/top-up?currency=USD"));
            browser.type("amount", "100");
            chooseMethod(browser, "bank-transfer");
            browser.click("topup-submit");
            browser.waitForTest("quote");
            checkPage(browser, stripe, "top-up-confirm." + language);
            browser.click("topup-submit");
            browser.waitForTest("instructions");
            checkPage(browser, stripe, "top-up-instructions." + language);

            browser.open(url(kassa, tenant, "/top-up/another"));
            checkPage(browser, stripe, "top-up-another." + language);
            browser.driver().findElement(By.id("another-reference")).sendKeys(friend);
            browser.driver().findElement(By.id("another-amount")).sendKeys("30");
            browser.driver().findElement(By.cssSelector("form[action=\"/top-up/another\"] button[type=submit]")).click();
            browser.waitForTest("instructions");
            assertEquals(friend, browser.text("reference"));
            checkPage(browser, stripe, "top-up-another-instructions." + language);

            browser.open(url(kassa, tenant, "/history"));
            checkPage(browser, stripe, "history." + language);
        }

        // A failed payment: the notice on the next pages.
        ApiResponse card = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("20.00", "EUR"),
                "method", "stripe-card", "returnUrl", url(kassa, tenant, "/history?returned=1"),
                "cancelUrl", url(kassa, tenant, "/top-up")));
        assertEquals(201, card.status(), card::toString);
        stripe.customerDeclinesOnPage(card.object().getJsonObject("payment").getString("gatewayReference"));
        for (String language : List.of("en", "fr")) {
            browser.open(url(kassa, tenant, "/top-up"));
            switchLanguage(browser, language);
            browser.waitForTest("notice-error");
            checkPage(browser, stripe, "notice-error." + language);
            browser.open(url(kassa, tenant, "/history"));
            browser.waitForTest("notice-error");
            checkPage(browser, stripe, "history-notice-error." + language);
        }

        switchLanguage(browser, "en");
        browser.resizeTo(Browser.PHONE_WIDTH);
        browser.open(url(kassa, tenant, "/top-up"));
        assertEquals(Browser.PHONE_WIDTH, browser.viewportWidth());
        assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 360 px");
        checkPage(browser, stripe, "top-up.360.en");
        browser.resizeToDesktop();
    }
}
