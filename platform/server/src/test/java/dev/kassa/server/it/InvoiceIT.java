package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Billing settings, invoice drafts, VAT decisions, finalisation and payment from the balance, over HTTP. */
@ExtendWith(KassaExtension.class)
class InvoiceIT {

    static void establish(Kassa.Tenant tenant, String country, String vatId, boolean pricesIncludeVat) {
        ApiResponse r = tenant.api().put("settings/billing", obj("establishmentCountry", country, "vatId", vatId,
                "pricesIncludeVat", pricesIncludeVat));
        assertEquals(200, r.status(), r::toString);
    }

    static String payer(Kassa.Tenant tenant, String account, String type, String country, String vatId) {
        ApiResponse r = tenant.api().post("accounts/" + account + "/payers", obj("type", type, "name",
                "Payer " + country, "country", country, "vatId", vatId));
        assertEquals(201, r.status(), r::toString);
        return r.string("id");
    }

    static String line(String description, int quantity, String unitPrice) {
        return obj("description", description, "quantity", quantity, "unitPrice", money(unitPrice, "EUR"),
                "taxCategory", "STANDARD");
    }

    static ApiResponse draft(Kassa.Tenant tenant, String account, String payer, String... lines) {
        return tenant.api().post("accounts/" + account + "/invoices", obj("payerId", payer, "lines",
                raw("[" + String.join(",", lines) + "]")));
    }

    static String draftId(Kassa.Tenant tenant, String account, String payer, String... lines) {
        ApiResponse r = draft(tenant, account, payer, lines);
        assertEquals(201, r.status(), r::toString);
        return r.string("id");
    }

    private static String amount(JsonObject object, String field) {
        return object.getJsonObject(field).getString("amount");
    }

    @Test
    void settingsHaveDefaultsAndEachTenantItsOwn(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        JsonObject defaults = tenant.api().get("settings/billing").object();
        assertTrue(defaults.isNull("establishmentCountry") && defaults.isNull("vatId"), defaults::toString);
        assertEquals(7, defaults.getInt("graceDays"));
        assertEquals(30, defaults.getInt("terminationDays"));
        assertEquals(false, defaults.getBoolean("pricesIncludeVat"));
        assertEquals(false, defaults.getBoolean("invoiceTopUps"));
        assertEquals("INV-{yyyy}-{seq:6}", defaults.getJsonObject("numbering").getString("invoice"));
        assertEquals("CN-{yyyy}-{seq:6}", defaults.getJsonObject("numbering").getString("creditNote"));
        assertEquals("RCT-{yyyy}-{seq:6}", defaults.getJsonObject("numbering").getString("receipt"));

        ApiResponse saved = tenant.api().put("settings/billing", obj("establishmentCountry", "GR", "vatId",
                "EL 123.456.789", "graceDays", 0, "terminationDays", 0, "invoiceTopUps", true, "numbering",
                raw(obj("invoice", "F{yy}{mm}-{seq:4}"))));
        assertEquals(200, saved.status(), saved::toString);
        JsonObject read = tenant.api().get("settings/billing").object();
        assertEquals("GR", read.getString("establishmentCountry"));
        assertEquals("EL123456789", read.getString("vatId"));
        assertEquals(0, read.getInt("graceDays"));
        assertEquals(true, read.getBoolean("invoiceTopUps"));
        assertEquals("F{yy}{mm}-{seq:4}", read.getJsonObject("numbering").getString("invoice"));
        assertEquals("CN-{yyyy}-{seq:6}", read.getJsonObject("numbering").getString("creditNote"));

        JsonObject others = other.api().get("settings/billing").object();
        assertTrue(others.isNull("establishmentCountry") && others.isNull("vatId"), "another tenant's: " + others);
        assertEquals(7, others.getInt("graceDays"));
    }

    @Test
    void aDraftGetsItsNumberOnlyWhenFinalisedAndThenNeverChanges(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FR", "FR40303265045", false);
        String account = tenant.newAccount("FR");
        String payer = payer(tenant, account, "PERSON", "FR", null);

        ApiResponse created = draft(tenant, account, payer, line("Migration of srv-42", 1, "49.00"),
                line("Support hours", 3, "0.35"));
        assertEquals(201, created.status(), created::toString);
        JsonObject draft = created.object();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(draft.isNull("number") && draft.isNull("seller") && draft.isNull("finalizedAt"), draft::toString);
        JsonObject second = draft.getJsonArray("lines").getJsonObject(1);
        assertEquals("1.05", amount(second, "net"));
        assertEquals("0.21", amount(second, "vat"));
        assertEquals("1.26", amount(second, "gross"));
        assertEquals("DOMESTIC", second.getJsonObject("tax").getString("rule"));
        assertEquals("20", second.getJsonObject("tax").getString("rate"));
        assertEquals("50.05", amount(draft, "net"));
        assertEquals("10.01", amount(draft, "vat"));
        assertEquals("60.06", amount(draft, "gross"));
        String id = draft.getString("id");

        ApiResponse listed = tenant.api().get("accounts/" + account + "/invoices");
        assertEquals(1, listed.items().size());
        assertEquals("DRAFT", listed.items().getJsonObject(0).getString("status"));

        ApiResponse replaced = tenant.api().put("invoices/" + id, obj("payerId", payer, "lines",
                raw("[" + line("Migration of srv-42", 2, "49.00") + "]"), "dueAt", "2030-01-31T00:00:00Z"));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("117.60", replaced.amount("gross"));

        ApiResponse finalized = tenant.api().post("invoices/" + id + "/finalize", null);
        assertEquals(200, finalized.status(), finalized::toString);
        assertEquals("NEW", finalized.string("status"));
        assertEquals("INV-" + Year.now(ZoneOffset.UTC) + "-000001", finalized.string("number"));
        assertEquals("FR40303265045", finalized.object().getJsonObject("seller").getString("vatId"));
        assertEquals("FR", finalized.object().getJsonObject("buyer").getString("country"));
        assertEquals("2030-01-31T00:00:00Z", finalized.string("dueAt"));
        assertTrue(!finalized.object().isNull("supplyDate"), finalized::toString);

        ApiResponse again = tenant.api().post("invoices/" + id + "/finalize", null);
        assertEquals(409, again.status(), again::toString);
        assertEquals("invoice.finalized", again.code());
        ApiResponse edit = tenant.api().put("invoices/" + id, obj("payerId", payer, "lines",
                raw("[" + line("Cheaper", 1, "1.00") + "]")));
        assertEquals(409, edit.status(), edit::toString);
        assertEquals("invoice.finalized", edit.code());
        ApiResponse kept = tenant.api().get("invoices/" + id);
        assertEquals(finalized.body(), kept.body(), "a finalised invoice never changes");

        assertEquals(1, tenant.api().get("accounts/" + account + "/invoices?status=NEW").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices?status=PAID").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices?status=CANCELLED").items().size());
    }

    @Test
    void eachLineCarriesTheTaxDecisionForItsPayer(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FR", null, false);
        String account = tenant.newAccount("FR");
        record Case(String payer, String rule, String rate, String category, String vat, boolean reason) { }
        List<Case> cases = List.of(
                new Case(payer(tenant, account, "PERSON", "DE", null), "B2C_DESTINATION", "19", "S", "19.00", false),
                new Case(payer(tenant, account, "COMPANY", "DE", "DE123456789"), "REVERSE_CHARGE", "0", "AE", "0.00",
                        true),
                new Case(payer(tenant, account, "COMPANY", "FR", "FR40303265045"), "DOMESTIC", "20", "S", "20.00",
                        false),
                new Case(payer(tenant, account, "PERSON", "GR", null), "B2C_DESTINATION", "24", "S", "24.00", false),
                new Case(payer(tenant, account, "COMPANY", "GR", "EL123456789"), "REVERSE_CHARGE", "0", "AE", "0.00",
                        true),
                new Case(payer(tenant, account, "PERSON", "US", null), "OUTSIDE_EU", "0", "O", "0.00", true),
                new Case(payer(tenant, account, "COMPANY", "GB", "GB123456789"), "OUTSIDE_EU", "0", "O", "0.00", true));
        for (Case c : cases) {
            String id = draftId(tenant, account, c.payer(), line("Dedicated server", 1, "100.00"));
            ApiResponse done = tenant.api().post("invoices/" + id + "/finalize", null);
            assertEquals(200, done.status(), done::toString);
            JsonObject line = done.object().getJsonArray("lines").getJsonObject(0);
            JsonObject tax = line.getJsonObject("tax");
            assertEquals(c.rule(), tax.getString("rule"), c::toString);
            assertEquals(c.rate(), tax.getString("rate"), c::toString);
            assertEquals(c.category(), tax.getString("category"), c::toString);
            assertEquals(c.reason(), !tax.isNull("exemptionReason"), c::toString);
            assertEquals(c.vat(), amount(line, "vat"), c::toString);
        }
    }

    @Test
    void theRateIsTheOneOfTheSupplyDateAndPricesMayIncludeVat(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "FI", null, true);
        String account = tenant.newAccount("FI");
        String payer = payer(tenant, account, "PERSON", "FI", null);
        for (String[] c : List.of(new String[] {"2024-08-31", "24", "0000-01-01", "24.29"},
                new String[] {"2024-09-01", "25.5", "2024-09-01", "25.50"})) {
            ApiResponse created = tenant.api().post("accounts/" + account + "/invoices", obj("payerId", payer,
                    "lines", raw("[" + line("Licence", 1, "125.50") + "]"), "supplyDate", c[0]));
            assertEquals(201, created.status(), created::toString);
            ApiResponse done = tenant.api().post("invoices/" + created.string("id") + "/finalize", null);
            JsonObject line = done.object().getJsonArray("lines").getJsonObject(0);
            assertEquals(c[0], done.string("supplyDate"));
            assertEquals(c[1], line.getJsonObject("tax").getString("rate"));
            assertEquals(c[2], line.getJsonObject("tax").getString("rateTableDate"));
            assertEquals(c[3], amount(line, "vat"), "VAT inside 125.50 at " + c[1] + " %");
            assertEquals("125.50", amount(line, "gross"));
            assertTrue(done.object().getBoolean("pricesIncludeVat"));
        }
    }

    @Test
    void payingFromTheBalanceChargesItOnceAndMarksTheInvoicePaid(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "DE", null, false);
        String account = tenant.newAccount();
        String payer = payer(tenant, account, "PERSON", "DE", null);
        String id = draftId(tenant, account, payer, line("Migration", 1, "50.00"));

        ApiResponse early = tenant.api().post("invoices/" + id + "/pay", obj("from", "balance"));
        assertEquals(409, early.status(), early::toString);
        assertEquals("invoice.not_finalized", early.code());
        String number = tenant.api().post("invoices/" + id + "/finalize", null).string("number");

        tenant.fund(account, "20.00");
        ApiResponse short_ = tenant.api().post("invoices/" + id + "/pay", obj("from", "balance"));
        assertEquals(409, short_.status(), short_::toString);
        assertEquals("balance.insufficient", short_.code());
        assertEquals("NEW", tenant.api().get("invoices/" + id).string("status"));
        assertEquals("20.00", tenant.balance(account));

        tenant.fund(account, "80.00");
        List<ApiResponse> answers = ConcurrencyIT.concurrently(6, i -> tenant.api().post("invoices/" + id + "/pay",
                obj("from", "balance")));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers::toString);
        for (ApiResponse a : answers) {
            if (a.status() != 200) {
                assertEquals(409, a.status(), a::toString);
                assertTrue(List.of("invoice.already_paid", "request.conflict").contains(a.code()), a::toString);
            }
        }
        assertEquals("40.50", tenant.balance(account), "100.00 - 59.50 (50.00 + 19 % VAT), once");
        ApiResponse paid = tenant.api().get("invoices/" + id);
        assertEquals("PAID", paid.string("status"));
        assertTrue(!paid.object().isNull("paidAt") && !paid.object().isNull("paymentTransactionId"), paid::toString);

        JsonObject charge = tenant.api().get("accounts/" + account + "/transactions").items().getJsonObject(0);
        assertEquals("CHARGE", charge.getString("type"));
        assertEquals(number, charge.getString("reference"));
        assertEquals("-59.50", charge.getJsonObject("amount").getString("amount"));
        assertEquals(1, tenant.api().get("accounts/" + account + "/invoices?status=PAID").items().size());
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void aRepeatedPaymentWithItsIdempotencyKeyIsReplayed(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        establish(tenant, "DE", null, false);
        String account = tenant.newAccount();
        String payer = payer(tenant, account, "COMPANY", "AT", "ATU12345678");
        String id = draftId(tenant, account, payer, line("Licence", 2, "10.00"));
        tenant.api().post("invoices/" + id + "/finalize", null);
        tenant.fund(account, "30.00");
        String key = UUID.randomUUID().toString();

        ApiResponse first = tenant.api().post("invoices/" + id + "/pay", obj("from", "balance"), key);
        ApiResponse second = tenant.api().post("invoices/" + id + "/pay", obj("from", "balance"), key);

        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals("10.00", tenant.balance(account), "reverse charged: 20.00 without VAT, debited once");
    }

    @Test
    void anotherTenantCannotReadFinalisePayOrListAnInvoice(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        establish(tenant, "DE", null, false);
        establish(other, "DE", null, false);
        String account = tenant.newAccount();
        String payer = payer(tenant, account, "PERSON", "DE", null);
        String draft = draftId(tenant, account, payer, line("Migration", 1, "5.00"));
        String open = draftId(tenant, account, payer, line("Migration", 1, "5.00"));
        tenant.api().post("invoices/" + open + "/finalize", null);
        other.fund(other.newAccount(), "100.00");

        for (ApiResponse refused : List.of(
                other.api().get("invoices/" + draft),
                other.api().post("invoices/" + draft + "/finalize", null),
                other.api().put("invoices/" + draft, obj("payerId", payer, "lines",
                        raw("[" + line("Mallory", 1, "1.00") + "]"))),
                other.api().post("invoices/" + open + "/pay", obj("from", "balance")),
                other.api().get("accounts/" + account + "/invoices"),
                draft(other, account, payer, line("Mallory", 1, "1.00")))) {
            assertEquals(404, refused.status(), refused::toString);
            assertEquals("not_found", refused.code());
        }
        assertEquals("DRAFT", tenant.api().get("invoices/" + draft).string("status"));
        assertEquals("Migration", tenant.api().get("invoices/" + draft).object().getJsonArray("lines")
                .getJsonObject(0).getString("description"));
        assertEquals("NEW", tenant.api().get("invoices/" + open).string("status"));
        assertEquals("DE", other.api().get("settings/billing").string("establishmentCountry"));
    }

    @Test
    void invoicingNeedsTheEstablishmentCountryAndTheAccountsCurrency(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String payer = payer(tenant, account, "PERSON", "DE", null);

        ApiResponse incomplete = draft(tenant, account, payer, line("Migration", 1, "5.00"));
        assertEquals(409, incomplete.status(), incomplete::toString);
        assertEquals("billing.settings_incomplete", incomplete.code());

        establish(tenant, "DE", null, false);
        ApiResponse otherCurrency = tenant.api().post("accounts/" + account + "/invoices", obj("payerId", payer,
                "lines", raw("[" + obj("description", "x", "quantity", 1, "unitPrice", money("5.00", "USD")) + "]")));
        assertEquals(422, otherCurrency.status(), otherCurrency::toString);
        assertEquals("invoice.currency_mismatch", otherCurrency.code());
        assertEquals("lines[0].unitPrice.currency", otherCurrency.object().getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices").items().size());
    }
}
