package dev.kassa.server.it;

import static dev.kassa.server.it.ClientAreaBrowserIT.checkPage;
import static dev.kassa.server.it.ClientAreaBrowserIT.portOf;
import static dev.kassa.server.it.ClientAreaBrowserIT.url;
import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.stripe.StripeFake;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The account pages (transactions, saved methods, payers, profile) in headless Chromium, in English
 * and French, with their forms' errors shown: axe, the weight budget and the CSP on each, at desktop
 * width and at 360 px, and the profile's copy button, which only JavaScript shows.
 */
@ExtendWith({KassaExtension.class, BrowserExtension.class})
class AccountPagesBrowserIT {
    private static final String HOSTILE = "<script>alert('x')</script>";

    @Test
    void everyAccountPagePassesAxeInBothLanguagesAndAtPhoneWidth(Kassa kassa, Browser browser, StripeFake stripe) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("*")));
        assertEquals(200, tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)))
                .status());
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        tenant.fund(account, "1234.56");
        tenant.api().post("accounts/" + account + "/charges", obj("amount", money("34.56", "EUR"),
                "description", "Server rental"));
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "COMPANY", "name", HOSTILE,
                "country", "DE", "vatId", "DE123456789", "address", "Hauptstr. 1\nBerlin")).string("id");
        ApiResponse pending = tenant.api().post("accounts/" + account + "/saved-methods", obj("method", "stripe-card",
                "payerId", payer, "returnUrl", url(kassa, tenant, "/saved-methods")));
        assertEquals(201, pending.status(), pending::toString);

        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links", "{}").string("url")));
        browser.waitForTest("sign-out");
        for (String language : List.of("en", "fr")) {
            browser.open(url(kassa, tenant, "/profile"));
            browser.driver().findElement(By.cssSelector("[data-test=language] button[value=" + language + "]")).click();
            browser.waitFor(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            for (String page : List.of("transactions", "saved-methods", "payers", "profile")) {
                browser.open(url(kassa, tenant, "/" + page));
                assertFalse(browser.pageSource().contains(HOSTILE), page);
                checkPage(browser, page + "." + language);
            }
            browser.open(url(kassa, tenant, "/payers/new"));
            browser.driver().findElement(By.id("payer-name")).sendKeys("Engines GmbH");
            browser.driver().findElement(By.id("payer-vatId")).sendKeys("DE12");
            browser.click("payer-submit");
            browser.waitForTest("notice-error");
            checkPage(browser, "payer-form-error." + language);

            browser.open(url(kassa, tenant, "/profile"));
            browser.click("password-submit");
            browser.waitForTest("notice-error");
            checkPage(browser, "profile-error." + language);
        }

        browser.resizeTo(Browser.PHONE_WIDTH);
        for (String page : List.of("transactions", "saved-methods", "payers", "payers/new", "profile")) {
            browser.open(url(kassa, tenant, "/" + page));
            checkPage(browser, page.replace('/', '-') + ".phone");
        }
        browser.resizeToDesktop();
    }

    @Test
    void theCopyButtonShowsWithJavaScriptAndCopiesTheReference(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        String reference = tenant.api().get("accounts/" + account).string("reference");
        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/profile")).string("url")));
        browser.waitForTest("reference");

        assertEquals(reference, browser.text("reference"));
        var button = browser.waitFor(d -> {
            var b = d.findElement(By.cssSelector("button[data-copy]"));
            return b.isDisplayed() ? b : null;
        });
        // Headless Chromium asks no one: the page is granted the clipboard, as a user's click would.
        browser.cdp("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite",
                "clipboardSanitizedWrite"), "origin", url(kassa, tenant, "")));
        button.click();
        browser.waitFor(d -> "Copied".equals(d.findElement(By.cssSelector("button[data-copy]")).getText()));
        Object copied = browser.script("return navigator.clipboard.readText().then(function (t) { return t; });");
        assertEquals(reference, copied);
    }
}
