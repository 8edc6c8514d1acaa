package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreaClient.Page;
import dev.kassa.testkit.clientarea.ClientAreas;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Renewals tab and the Invoices page over HTTP, as a browser without JavaScript uses them:
 * renewing a service ahead of time from the balance (once for a form sent twice, nothing at all
 * when the balance is short), the invoices list and its filter, paying an open invoice from the
 * balance, the notice for invoices due, and walls between customers and tenants.
 */
@ExtendWith(KassaExtension.class)
class BillingPagesIT {
    private static final Pattern CHOICE = Pattern.compile("name=\"renew\" form=\"renew-form\" data-test=\"renew\""
            + " id=\"renew-\\d+\" value=\"([^\"]+)\"");
    private static final Pattern INVOICE_ROW = Pattern.compile("data-invoice=\"(inv_[A-Za-z0-9]+)\" data-status=\"([A-Z]+)\"");

    /** A tenant established in France, its client area, a signed-in customer in France with one payer. */
    record Shop(Kassa.Tenant tenant, ClientAreaClient browser, String account, String payer) { }

    static Shop shop(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        return customer(tenant, browser);
    }

    static Shop customer(Kassa.Tenant tenant, ClientAreaClient browser) {
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        ClientAreas.signIn(tenant, account, browser);
        return new Shop(tenant, browser, account, payer);
    }

    private static String inTenDays() {
        return Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String choice(Page renewals) {
        Matcher m = CHOICE.matcher(renewals.body());
        assertTrue(m.find(), renewals::toString);
        return m.group(1);
    }

    private static List<String> invoiceRows(Page page) {
        Matcher m = INVOICE_ROW.matcher(page.body());
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + ":" + m.group(2));
        }
        return rows;
    }

    private static JsonArray invoices(Shop shop) {
        return shop.tenant().api().get("accounts/" + shop.account() + "/invoices").items();
    }

    /** A finalised one-off invoice of 49.00 net (58.80 with French VAT); its id. */
    static String openInvoice(Shop shop) {
        ApiResponse draft = shop.tenant().api().post("accounts/" + shop.account() + "/invoices",
                "{\"payerId\": \"" + shop.payer() + "\", \"lines\": [" + InvoiceIT.line("Migration of srv-42", 1, "49.00")
                        + "]}");
        assertEquals(201, draft.status(), draft::toString);
        ApiResponse open = shop.tenant().api().post("invoices/" + draft.string("id") + "/finalize", "{}");
        assertEquals(200, open.status(), open::toString);
        return draft.string("id");
    }

    @Test
    void renewNowBillsTheNextPeriodFromTheBalanceOnceWhenTheFormIsSentTwice(Kassa kassa) {
        Shop shop = shop(kassa);
        shop.tenant().fund(shop.account(), "30.00");
        String next = inTenDays();
        String id = ServicesIT.create(shop.tenant(), shop.account(), shop.payer(), "10.00", next).string("id");

        Page page = shop.browser().get("/renewals");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("data-service=\"" + id + "\" data-status=\"ACTIVE\""), page.body());
        assertTrue(page.body().contains("VPS srv-42") && page.body().contains("€10.00")
                && page.body().contains("Monthly"), page.body());
        assertTrue(page.body().contains("aria-current=\"page\" href=\"/renewals\"")
                || page.body().contains("href=\"/renewals\" aria-current=\"page\""), "the tab is marked: " + page.body());
        String choice = choice(page);
        assertEquals(id + "|" + next, choice);

        Page renewed = shop.browser().post("/renewals", Map.of("renew", choice));
        assertEquals(303, renewed.status(), renewed::toString);
        assertEquals("/renewals?renewed=1", renewed.location());
        assertTrue(shop.browser().follow(renewed).body().contains("1 service renewed."));
        JsonObject service = shop.tenant().api().get("services/" + id).object();
        assertEquals(Instant.parse(next).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(),
                Instant.parse(service.getString("nextRenewalAt")));
        JsonArray billed = invoices(shop);
        assertEquals(1, billed.size(), billed::toString);
        JsonObject invoice = billed.getJsonObject(0);
        assertEquals("PAID", invoice.getString("status"));
        assertEquals("12.00", invoice.getJsonObject("gross").getString("amount"), "10.00 + 20 % VAT");
        assertEquals(next.substring(0, 10), invoice.getString("supplyDate"), "the period billed starts then");
        assertEquals(id, invoice.getJsonArray("lines").getJsonObject(0).getString("serviceId"));
        assertEquals("18.00", shop.tenant().balance(shop.account()));

        Page twice = shop.browser().post("/renewals", Map.of("renew", choice));
        assertEquals(303, twice.status(), twice::toString);
        assertEquals("/renewals?renewed=0", twice.location());
        assertEquals(1, invoices(shop).size(), "that period is billed already");
        assertEquals("18.00", shop.tenant().balance(shop.account()));
        assertEquals(service.getString("nextRenewalAt"), shop.tenant().api().get("services/" + id).string("nextRenewalAt"));
    }

    @Test
    void aShortBalanceRefusesTheRenewalAndLeavesNoInvoiceAndNoNumberBehind(Kassa kassa) {
        Shop shop = shop(kassa);
        shop.tenant().fund(shop.account(), "5.00");
        String next = inTenDays();
        String id = ServicesIT.create(shop.tenant(), shop.account(), shop.payer(), "10.00", next).string("id");
        String choice = choice(shop.browser().get("/renewals"));

        Page refused = shop.browser().post("/renewals", Map.of("renew", choice));

        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.body().contains("Your balance (€5.00) does not cover the renewal of VPS srv-42."),
                refused.body());
        assertTrue(refused.body().contains("data-test=\"renewals-error\"") && refused.body().contains("href=\"/top-up\""),
                refused.body());
        assertEquals(0, invoices(shop).size(), "no invoice, not even a draft");
        assertEquals(next, shop.tenant().api().get("services/" + id).string("nextRenewalAt"));
        assertEquals("5.00", shop.tenant().balance(shop.account()));

        Page none = shop.browser().post("/renewals", Map.of());
        assertEquals(422, none.status(), none::toString);
        assertTrue(none.body().contains("Tick at least one service to renew."), none.body());

        shop.tenant().fund(shop.account(), "10.00");
        assertEquals(303, shop.browser().post("/renewals", Map.of("renew", choice(shop.browser().get("/renewals"))))
                .status());
        String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
        assertEquals("INV-" + year + "-000001", invoices(shop).getJsonObject(0).getString("number"),
                "the refused renewal gave its number back");
    }

    @Test
    void theInvoicesPageListsFinalisedInvoicesAndPaysAnOpenOneFromTheBalanceOnce(Kassa kassa) {
        Shop shop = shop(kassa);
        String id = openInvoice(shop);
        String number = shop.tenant().api().get("invoices/" + id).string("number");
        ApiResponse draft = shop.tenant().api().post("accounts/" + shop.account() + "/invoices",
                "{\"payerId\": \"" + shop.payer() + "\", \"lines\": [" + InvoiceIT.line("Draft", 1, "5.00") + "]}");
        assertEquals(201, draft.status(), draft::toString);

        Page topUp = shop.browser().get("/top-up");
        assertTrue(topUp.body().contains("data-test=\"notice-invoices-due\"")
                && topUp.body().contains("You have an invoice due (€58.80).")
                && topUp.body().contains("href=\"/invoices?status=NEW\""), topUp.body());
        Page list = shop.browser().get("/invoices");
        assertEquals(200, list.status(), list::toString);
        assertEquals(List.of(id + ":NEW"), invoiceRows(list), "the draft is not shown");
        assertTrue(list.body().contains(number) && list.body().contains("€58.80"), list.body());
        assertTrue(list.body().contains("href=\"/invoices/" + id + "/pdf\"")
                && list.body().contains("href=\"/top-up?invoice=" + id + "\""), list.body());
        assertFalse(list.body().contains("data-test=\"notice-invoices-due\""), "the list says it already");
        assertEquals(List.of(), invoiceRows(shop.browser().get("/invoices?status=PAID")));

        Page short_ = shop.browser().post("/invoices", Map.of("invoice", id, "returnTo", "/invoices"));
        assertEquals(422, short_.status(), short_::toString);
        assertTrue(short_.body().contains("Your balance does not cover invoice " + number + " (€58.80)."), short_.body());
        assertEquals("NEW", shop.tenant().api().get("invoices/" + id).string("status"));

        shop.tenant().fund(shop.account(), "100.00");
        Page paid = shop.browser().post("/invoices", Map.of("invoice", id, "returnTo", "/invoices"));
        assertEquals(303, paid.status(), paid::toString);
        assertEquals("/invoices?paid=" + id, paid.location());
        Page after = shop.browser().follow(paid);
        assertTrue(after.body().contains("Invoice " + number + " is paid."), after.body());
        assertEquals(List.of(id + ":PAID"), invoiceRows(after));
        JsonObject paidInvoice = shop.tenant().api().get("invoices/" + id).object();
        assertEquals("PAID", paidInvoice.getString("status"));
        JsonObject lastEvidence = paidInvoice.getJsonObject("buyer").getJsonArray("locationEvidence")
                .getJsonObject(paidInvoice.getJsonObject("buyer").getJsonArray("locationEvidence").size() - 1);
        assertEquals("IP_ADDRESS", lastEvidence.getString("kind"), "paid in the client area: the address kept");
        assertTrue(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1").contains(lastEvidence.getString("ipAddress")),
                lastEvidence::toString);
        assertTrue(lastEvidence.isNull("country"), "no geolocation database: the address only");
        assertEquals("41.20", shop.tenant().balance(shop.account()));

        Page again = shop.browser().post("/invoices", Map.of("invoice", id, "returnTo", "/invoices"));
        assertEquals(303, again.status(), again::toString);
        assertEquals("41.20", shop.tenant().balance(shop.account()), "paid once");
        assertEquals(List.of(id + ":PAID"), invoiceRows(shop.browser().get("/invoices?status=PAID")));
        assertFalse(shop.browser().get("/top-up").body().contains("data-test=\"notice-invoices-due\""), "nothing due");
    }

    @Test
    void anotherCustomerOrTenantNeitherSeesNorPaysNorRenewsWhatIsNotTheirs(Kassa kassa) {
        Shop owner = shop(kassa);
        owner.tenant().fund(owner.account(), "100.00");
        String invoice = openInvoice(owner);
        String next = inTenDays();
        String service = ServicesIT.create(owner.tenant(), owner.account(), owner.payer(), "10.00", next).string("id");
        String choice = choice(owner.browser().get("/renewals"));

        Shop neighbour = customer(owner.tenant(), new ClientAreaClient(kassa.process().baseUri(),
                ClientAreas.hostOf(owner.tenant())));
        neighbour.tenant().fund(neighbour.account(), "100.00");
        assertFalse(neighbour.browser().get("/invoices").body().contains(invoice));
        assertFalse(neighbour.browser().get("/renewals").body().contains(service));
        Page pay = neighbour.browser().post("/invoices", Map.of("invoice", invoice));
        assertEquals(404, pay.status(), pay::toString);
        Page renew = neighbour.browser().post("/renewals", Map.of("renew", choice));
        assertEquals(303, renew.status(), renew::toString);
        assertEquals("/renewals?renewed=0", renew.location());

        Shop stranger = shop(kassa);
        stranger.tenant().fund(stranger.account(), "100.00");
        assertFalse(stranger.browser().get("/invoices").body().contains(invoice));
        assertEquals(404, stranger.browser().post("/invoices", Map.of("invoice", invoice)).status());
        assertEquals("/renewals?renewed=0", stranger.browser().post("/renewals", Map.of("renew", choice)).location());

        Page forged = owner.browser().postAsIs("/invoices", Map.of("invoice", invoice),
                Map.of("Origin", owner.browser().origin()));
        assertEquals(403, forged.status(), "no CSRF token: " + forged);
        Page elsewhere = owner.browser().post("/invoices", Map.of("invoice", invoice, "csrf", "x".repeat(43)));
        assertEquals(403, elsewhere.status(), elsewhere::toString);

        assertEquals("NEW", owner.tenant().api().get("invoices/" + invoice).string("status"));
        assertEquals(next, owner.tenant().api().get("services/" + service).string("nextRenewalAt"));
        for (Shop shop : List.of(owner, neighbour, stranger)) {
            assertEquals("100.00", shop.tenant().balance(shop.account()));
        }
        Page signedOut = new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(owner.tenant()))
                .get("/invoices");
        assertEquals(303, signedOut.status(), signedOut::toString);
        assertTrue(signedOut.location().startsWith("/sign-in?returnTo="), signedOut.location());
    }
}
