package dev.kassa.server.it;

import static dev.kassa.server.it.ClientAreaBrowserIT.checkPage;
import static dev.kassa.server.it.ClientAreaBrowserIT.portOf;
import static dev.kassa.server.it.ClientAreaBrowserIT.url;
import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.clientarea.ClientAreas;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The Renewals tab and the Invoices page in headless Chromium: a customer ticks a service and
 * renews it from the balance; both pages, with the notice of an invoice due, pass axe, the weight
 * budget and the CSP in English and French, at desktop width and at 360 px.
 */
@ExtendWith({KassaExtension.class, BrowserExtension.class})
class BillingPagesBrowserIT {
    private static final String HOSTILE = "<script>alert('x')</script>";

    @Test
    void aCustomerRenewsAServiceFromTheRenewalsTabAndTheBillingPagesPassAxe(Kassa kassa, Browser browser) {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        ClientAreas.open(kassa, tenant);
        // French for customers in France; this one lives in Germany and starts in English, her payer is in France.
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR")));
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        tenant.fund(account, "100.00");
        String next = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String vps = ServicesIT.create(tenant, account, payer, "10.00", next).string("id");
        ApiResponse other = tenant.api().post("accounts/" + account + "/services", obj("name", HOSTILE,
                "price", money("24.00", "EUR"), "period", "P1Y", "nextRenewalAt",
                Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "autoRenew", true,
                "payerId", payer));
        assertEquals(201, other.status(), other::toString);
        BillingPagesIT.openInvoice(new BillingPagesIT.Shop(tenant, null, account, payer));

        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/renewals")).string("url")));
        browser.waitForTest("service-row");
        assertEquals(2, browser.allByTest("service-row").size());
        assertTrue(browser.has("notice-invoices-due"), "an invoice is due");
        assertFalse(browser.pageSource().contains(HOSTILE));
        checkPage(browser, "renewals.en");

        browser.driver().findElement(By.cssSelector("[data-service=\"" + vps + "\"] [data-test=renew]")).click();
        browser.click("renew-submit");
        browser.waitForTest("renewed");
        assertEquals("1 service renewed. Its invoice is paid.", browser.text("renewed"));
        assertTrue(browser.text("balance").contains("€88.00"), browser.text("balance"));
        assertEquals(Instant.parse(next).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(),
                Instant.parse(tenant.api().get("services/" + vps).string("nextRenewalAt")));
        checkPage(browser, "renewals-renewed.en");

        browser.open(url(kassa, tenant, "/invoices"));
        browser.waitForTest("invoice-row");
        assertEquals(2, browser.allByTest("invoice-row").size(), "the renewal's and the open one");
        checkPage(browser, "invoices.en");

        browser.driver().findElement(By.cssSelector("[data-test=language] button[value=fr]")).click();
        browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        for (String page : List.of("renewals", "invoices")) {
            browser.open(url(kassa, tenant, "/" + page));
            checkPage(browser, page + ".fr");
        }
        browser.resizeTo(Browser.PHONE_WIDTH);
        for (String page : List.of("renewals", "invoices")) {
            browser.open(url(kassa, tenant, "/" + page));
            checkPage(browser, page + ".phone");
        }
        browser.resizeToDesktop();
    }
}
