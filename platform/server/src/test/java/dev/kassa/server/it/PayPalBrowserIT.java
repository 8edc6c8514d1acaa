package dev.kassa.server.it;

import static dev.kassa.server.it.ClientAreaBrowserIT.balance;
import static dev.kassa.server.it.ClientAreaBrowserIT.portOf;
import static dev.kassa.server.it.ClientAreaBrowserIT.url;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.browser.Browser;
import dev.kassa.testkit.browser.BrowserExtension;
import dev.kassa.testkit.browser.Csp;
import dev.kassa.testkit.clientarea.ClientAreas;
import dev.kassa.testkit.paypal.PayPalFake;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A customer pays a top-up with PayPal in headless Chromium: the client area sends them to the
 * PayPal fake's approval page, they approve, PayPal sends them back to the history, and the row
 * turns Paid once Kassa has captured the order; a PayPal account saved while paying is then a
 * Confirmed saved method.
 */
@ExtendWith({KassaExtension.class, BrowserExtension.class})
class PayPalBrowserIT {

    private static Kassa.Tenant paypalShop(Kassa kassa, PayPalFake paypal) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        String clientId = "A-" + tenant.slug() + "-kassa-browser-app";
        Map<String, String> credentials = new HashMap<>(paypal.credentials(clientId));
        credentials.remove("merchantId");
        ApiResponse put = tenant.api().put("payment-methods/paypal", obj("enabled", true, "countries", List.of("*"),
                "credentials", credentials));
        assertEquals(200, put.status(), put::toString);
        paypal.sendWebhooksTo(clientId, kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/paypal")
                .toString());
        return tenant;
    }

    private static void signIn(Kassa kassa, Kassa.Tenant tenant, Browser browser, String account) {
        browser.open(portOf(kassa, tenant.api().post("accounts/" + account + "/sign-in-links",
                obj("returnTo", "/top-up")).string("url")));
        browser.waitForTest("sign-out");
    }

    private static void payWithPayPal(Kassa kassa, Kassa.Tenant tenant, PayPalFake paypal, Browser browser,
                                      String amount, boolean save) {
        browser.type("amount", amount);
        browser.driver().findElement(By.cssSelector("[data-test=method][data-method=\"paypal\"]")).click();
        if (save) {
            WebElement box = browser.byTest("save-method");
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.click("topup-submit");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(paypal.baseUrl()));
        assertTrue(browser.text("paypal-amount").contains(amount + ".00 EUR"), browser.pageSource());
        browser.click("paypal-approve");
        browser.waitFor(d -> d.getCurrentUrl().startsWith(url(kassa, tenant, "/history")));
        browser.waitFor(d -> "PAID".equals(d.findElement(By.cssSelector("[data-test=history-row]"))
                .getAttribute("data-status")), Duration.ofSeconds(20));
    }

    @Test
    void aTopUpApprovedOnPayPalsPageTurnsPaid(Kassa kassa, PayPalFake paypal, Browser browser) {
        Kassa.Tenant tenant = paypalShop(kassa, paypal);
        String account = ClientAreas.newCustomer(tenant, "Mary Jackson", "DE");
        signIn(kassa, tenant, browser, account);

        payWithPayPal(kassa, tenant, paypal, browser, "30", false);
        browser.driver().navigate().refresh();
        assertTrue(balance(browser).contains("€30.00"), balance(browser));
        assertEquals("30.00", tenant.balance(account));
        Csp.assertNoViolations(browser);
    }

    @Test
    void aPayPalAccountSavedWhilePayingIsAConfirmedSavedMethod(Kassa kassa, PayPalFake paypal, Browser browser) {
        Kassa.Tenant tenant = paypalShop(kassa, paypal);
        String account = ClientAreas.newCustomer(tenant, "Dorothy Vaughan", "DE");
        assertEquals(201, tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON",
                "name", "Dorothy Vaughan", "country", "DE")).status());
        signIn(kassa, tenant, browser, account);

        payWithPayPal(kassa, tenant, paypal, browser, "15", true);
        browser.open(url(kassa, tenant, "/saved-methods"));
        List<WebElement> rows = browser.allByTest("saved-method-row");
        assertEquals(1, rows.size(), browser::pageSource);
        assertEquals("CONFIRMED", rows.get(0).getAttribute("data-status"));
        assertTrue(rows.get(0).getText().contains("PayPal account"), rows.get(0).getText());
        Csp.assertNoViolations(browser);
    }
}
