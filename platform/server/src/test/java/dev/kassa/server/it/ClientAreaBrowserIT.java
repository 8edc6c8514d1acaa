package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.browser.Accessibility;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.browser.Csp;
import dev.kassa.testkit.browser.PageWeight;
import dev.kassa.testkit.browser.Screenshots;
import dev.kassa.testkit.clientarea.ClientAreas;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The client area in headless Chromium, as customers use it: signing in by password and by link,
 * the language switch that sticks, another tenant's host, and every page checked by axe, for its
 * weight and for CSP violations, with screenshots in English and French in target/screenshots.
 */
@ExtendWith({KassaExtension.class, BrowserExtension.class})
class ClientAreaBrowserIT {

    @Test
    void aCustomerSignsInWithThePasswordAndSwitchesToFrenchWhichSticks(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR")));
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        String email = tenant.api().get("accounts/" + account).string("email");
        ClientAreas.signIn(tenant, account, ClientAreas.open(kassa, tenant)); // chooses the password
        tenant.fund(account, "1234.56");

        browser.open(url(kassa, tenant, "/"));
        assertTrue(browser.currentUri().getPath().startsWith("/sign-in"), browser.currentUri().toString());
        checkPage(browser, "sign-in.en");
        browser.type("sign-in-email", email).type("sign-in-password", "wrong password").click("sign-in-submit");
        assertTrue(browser.pageSource().contains("The e-mail address or the password is not right."));
        checkPage(browser, "sign-in-error.en");
        browser.type("sign-in-email", email).type("sign-in-password", ClientAreas.PASSWORD).click("sign-in-submit");
        browser.waitForTest("sign-out");
        assertTrue(browser.text("balance").contains("€1,234.56"), browser.text("balance"));

        browser.driver().findElement(By.cssSelector("[data-test=language] button[value=fr]")).click();
        browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(balance(browser).contains("1\u202f234,56\u00a0€"), balance(browser));
        assertEquals("fr", tenant.api().get("accounts/" + account).string("locale"));

        browser.click("sign-out");
        browser.waitForTest("sign-in-email");
        browser.type("sign-in-email", email).type("sign-in-password", ClientAreas.PASSWORD).click("sign-in-submit");
        browser.waitForTest("sign-out");
        assertEquals("fr", browser.driver().findElement(By.tagName("html")).getAttribute("lang"), "the choice sticks");
    }

    @Test
    void aSignInLinkFromTheTenantsPanelSignsInOnceAndAnFrCustomerSeesFrench(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR", "BE")));
        String account = ClientAreas.newCustomer(tenant, "Émile Zola", "FR");
        tenant.fund(account, "1234.56");

        ApiResponse link = tenant.api().post("accounts/" + account + "/sign-in-links", "{}");
        browser.open(portOf(kassa, link.string("url")));
        browser.waitForTest("sign-out");
        assertEquals("fr", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(balance(browser).contains("1\u202f234,56\u00a0€"), balance(browser));
        checkPage(browser, "start.fr");

        browser.clearCookies();
        browser.open(portOf(kassa, link.string("url")));
        assertTrue(browser.has("notice-error"), "a used link signs no one in");
        checkPage(browser, "link-used.fr");
    }

    @Test
    void anotherTenantsHostShowsItsOwnBrandAndNoneOfThisTenantsData(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        ClientAreas.open(kassa, other);
        tenant.api().put("settings/branding", obj("displayName", "Alpha Hosting"));
        other.api().put("settings/branding", obj("displayName", "Beta Servers"));
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");

        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links", "{}").string("url")));
        browser.waitForTest("sign-out");
        assertTrue(browser.pageSource().contains("Alpha Hosting"));

        browser.open(url(kassa, other, "/"));
        assertTrue(browser.currentUri().getPath().startsWith("/sign-in"), "not signed in there");
        assertTrue(browser.pageSource().contains("Beta Servers"));
        assertFalse(browser.pageSource().contains("Alpha Hosting") || browser.pageSource().contains("Ada"));
    }

    @Test
    void thePasswordPagesPassAxeInBothLanguages(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("*")));
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        ApiResponse invitation = tenant.api().post("accounts/" + account + "/invitations", "{}");

        browser.open(url(kassa, tenant, "/forgot-password"));
        checkPage(browser, "forgot-password.en");
        browser.driver().findElement(By.cssSelector("[data-test=language] button[value=fr]")).click();
        browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        checkPage(browser, "forgot-password.fr");
        browser.open(portOf(kassa, invitation.string("url")));
        checkPage(browser, "set-password.fr");
        browser.open(url(kassa, tenant, "/no-such-page"));
        checkPage(browser, "not-found.fr");
    }

    /** The header's balance as the page has it (Selenium's text would turn its narrow spaces into plain ones). */
    static String balance(Browser browser) {
        return (String) browser.script("return document.querySelector('[data-test=balance]').textContent");
    }

    /** axe, the weight budget and the CSP on the page shown, and its screenshot. */
    static void checkPage(Browser browser, String name) {
        Screenshots.take(browser, name);
        Accessibility.assertNoSeriousViolations(browser);
        PageWeight.assertWithinBudget(browser);
        Csp.assertNoViolations(browser);
    }

    static String url(Kassa kassa, Kassa.Tenant tenant, String path) {
        return "http://" + ClientAreas.hostOf(tenant) + ":" + kassa.process().port() + path;
    }

    /** A link the server made, on the port this test's server listens on. */
    static String portOf(Kassa kassa, String link) {
        java.net.URI uri = java.net.URI.create(link);
        return "http://" + uri.getHost() + ":" + kassa.process().port() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
