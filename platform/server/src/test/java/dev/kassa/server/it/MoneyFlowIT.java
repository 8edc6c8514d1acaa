package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The flows of the product documents, end to end over HTTP on PostgreSQL. */
@ExtendWith(KassaExtension.class)
class MoneyFlowIT {

    @Test
    void aBankTransferTopUpIsPaidWhenTheMoneyArrives(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("*"),
                "beneficiary", "Reseller Ltd", "iban", "GB82 WEST 1234 5698 7654 32", "bic", "WESTGB2L"));
        String account = tenant.newAccount();
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "COMPANY", "name", "ACME SAS",
                "country", "FR", "vatId", "FR40 303 265 045")).string("id");

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("100.00", "EUR"), "payerId", payer, "method", "bank-transfer"));

        assertEquals(201, topUp.status(), topUp::toString);
        assertEquals("NEW", topUp.string("status"));
        JsonObject instructions = topUp.object().getJsonObject("instructions");
        assertEquals("Reseller Ltd", instructions.getString("beneficiary"));
        assertEquals("GB82WEST12345698765432", instructions.getString("iban"));
        assertEquals("WESTGB2L", instructions.getString("bic"));
        assertEquals(topUp.string("reference"), instructions.getString("reference"));

        String reference = topUp.string("reference");
        String mangled = "Payment " + reference.substring(0, 4).toLowerCase() + "-" + reference.substring(4);
        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "stmt-1", "reference",
                mangled, "amount", money("99.50", "EUR"), "payerName", "ACME SAS", "receivedAt", "2026-11-20T09:00:00Z"));

        assertEquals(201, transfer.status(), transfer::toString);
        assertEquals("MATCHED", transfer.string("status"));
        assertEquals(topUp.string("id"), transfer.string("topUpId"));
        assertEquals(account, transfer.string("accountId"));
        assertEquals("99.50", transfer.amount("credited"));
        ApiResponse paid = tenant.api().get("top-ups/" + topUp.string("id"));
        assertEquals("PAID", paid.string("status"));
        assertEquals("99.50", paid.amount("credited"));
        assertEquals("99.50", tenant.balance(account));
        assertEquals(1, tenant.api().get("accounts/" + account + "/top-ups?status=PAID").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups?status=NEW").items().size());

        ApiResponse repeat = tenant.api().post("bank-transfers", obj("bankTransactionId", "stmt-1", "reference",
                mangled, "amount", money("99.50", "EUR")));
        assertEquals(200, repeat.status());
        assertEquals(transfer.string("id"), repeat.string("id"));
        assertEquals("99.50", tenant.balance(account));
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void moneyForACancelledTopUpStillReachesTheAccount(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("30.00", "EUR"), "method", "bank-transfer"));
        String id = topUp.string("id");

        ApiResponse cancelled = tenant.api().post("top-ups/" + id + "/cancel", null);
        ApiResponse again = tenant.api().post("top-ups/" + id + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.string("status"));
        assertEquals(409, again.status());
        assertEquals("topup.not_cancellable", again.code());

        tenant.api().post("bank-transfers", obj("bankTransactionId", "late-1", "reference", topUp.string("reference"),
                "amount", money("30.00", "EUR")));

        assertEquals("30.00", tenant.balance(account));
        assertEquals("PAID", tenant.api().get("top-ups/" + id).string("status"));
    }

    @Test
    void unmatchedMoneyWaitsUntilAssigned(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();

        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "mystery-1",
                "reference", "for my server", "amount", money("12.34", "EUR")));

        assertEquals("UNMATCHED", transfer.string("status"));
        assertTrue(transfer.object().isNull("accountId"));
        assertTrue(transfer.object().isNull("credited"));
        ApiResponse unmatched = tenant.api().get("bank-transfers?status=UNMATCHED");
        assertEquals(1, unmatched.items().size());
        ConcurrencyIT.assertBalanced(tenant);

        ApiResponse assigned = tenant.api().post("bank-transfers/" + transfer.string("id") + "/assign",
                obj("accountId", account));
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals("MATCHED", assigned.string("status"));
        assertEquals("12.34", tenant.balance(account));
        assertEquals(0, tenant.api().get("bank-transfers?status=UNMATCHED").items().size());

        ApiResponse twice = tenant.api().post("bank-transfers/" + transfer.string("id") + "/assign",
                obj("accountId", account));
        assertEquals(409, twice.status());
        assertEquals("12.34", tenant.balance(account));
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void anAccountReferencePaysForThatAccountDirectly(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String reference = tenant.api().get("accounts/" + account).string("reference");

        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "friend-1",
                "reference", reference, "amount", money("40.00", "EUR"), "payerName", "A friend"));

        assertEquals("MATCHED", transfer.string("status"));
        assertTrue(transfer.object().isNull("topUpId"));
        assertEquals("40.00", tenant.balance(account));
    }

    @Test
    void topUpOptionsFollowThePayersCountry(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount("DE");
        String french = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Jean",
                "country", "FR")).string("id");
        String german = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Hans",
                "country", "DE")).string("id");
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("FR")));

        ApiResponse forFrench = tenant.api().get("accounts/" + account + "/top-up-options?payerId=" + french);
        ApiResponse forGerman = tenant.api().get("accounts/" + account + "/top-up-options?payerId=" + german);

        assertEquals(1, forFrench.object().getJsonArray("methods").size());
        assertEquals("bank-transfer", forFrench.object().getJsonArray("methods").getJsonObject(0).getString("code"));
        assertEquals("0.50", forFrench.amount("minimum"));
        assertEquals("15000.00", forFrench.amount("maximum"));
        assertEquals(List.of("100.00", "200.00", "500.00", "1000.00"), forFrench.object().getJsonArray("presets")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("amount")).toList());
        assertEquals(0, forGerman.object().getJsonArray("methods").size());
        ApiResponse refused = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("10.00", "EUR"), "payerId", german, "method", "bank-transfer"));
        assertEquals("topup.method_unavailable", refused.code());
        assertEquals(2, tenant.api().get("accounts/" + account + "/payers").items().size());
    }

    @Test
    void topUpLimitsAreTheTenantsOwn(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse updated = tenant.api().put("settings/top-up", obj("minimum", money("5.00", "EUR"),
                "maximum", money("500.00", "EUR"), "presets", List.of(money("10.00", "EUR"), money("50.00", "EUR"))));
        assertEquals(200, updated.status(), updated::toString);
        String account = tenant.newAccount();

        assertEquals("422", String.valueOf(tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("4.99", "EUR"), "method", "bank-transfer")).status()));
        assertEquals(201, tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("500.00", "EUR"), "method", "bank-transfer")).status());
        assertEquals("5.00", tenant.api().get("settings/top-up").amount("minimum"));
    }

    @Test
    void adjustmentsAndChargesAppearOnTheStatementNewestFirstAcrossPages(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        tenant.fund(account, "100.00");
        tenant.api().post("accounts/" + account + "/charges", obj("amount", money("30.00", "EUR"), "description", "VPS"));
        ApiResponse credit = tenant.api().post("accounts/" + account + "/adjustments", obj("amount",
                money("5.00", "EUR"), "direction", "CREDIT", "reason", "goodwill"));
        ApiResponse debit = tenant.api().post("accounts/" + account + "/adjustments", obj("amount",
                money("2.50", "EUR"), "direction", "DEBIT", "reason", "fee"));
        assertEquals(201, credit.status(), credit::toString);
        assertEquals("75.00", credit.amount("balanceAfter"));
        assertEquals("72.50", debit.amount("balanceAfter"));

        ApiResponse page1 = tenant.api().get("accounts/" + account + "/transactions?limit=3");
        assertEquals(3, page1.items().size());
        assertNotNull(page1.object().getString("next"));
        ApiResponse page2 = tenant.api().get("accounts/" + account + "/transactions?limit=3&after="
                + page1.object().getString("next"));
        assertEquals(1, page2.items().size());
        assertTrue(page2.object().isNull("next"));

        List<JsonObject> lines = new java.util.ArrayList<>(page1.items().getValuesAs(JsonObject.class));
        lines.addAll(page2.items().getValuesAs(JsonObject.class));
        assertEquals(List.of("ADJUSTMENT", "ADJUSTMENT", "CHARGE", "BANK_TRANSFER"),
                lines.stream().map(l -> l.getString("type")).toList());
        assertEquals(List.of("-2.50", "5.00", "-30.00", "100.00"),
                lines.stream().map(l -> l.getJsonObject("amount").getString("amount")).toList());
        assertEquals(List.of("72.50", "75.00", "70.00", "100.00"),
                lines.stream().map(l -> l.getJsonObject("balanceAfter").getString("amount")).toList());
        assertEquals("fee", lines.get(0).getString("description"));
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void accountsArePagedWithAStableCursorAndEmailsAreUniquePerTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(tenant.newAccount());
        }
        ApiResponse first = tenant.api().post("accounts", obj("email", "Same@Example.com", "name", "A", "country", "DE"));
        ApiResponse duplicate = tenant.api().post("accounts", obj("email", "same@example.com", "name", "B",
                "country", "DE"));
        assertEquals(201, first.status());
        assertEquals(10, first.string("reference").length());
        assertEquals("0.00", first.amount("balance"));
        assertEquals(409, duplicate.status());
        assertEquals("account.email_taken", duplicate.code());
        created.add(first.string("id"));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            ApiResponse page = tenant.api().get("accounts?limit=2" + (cursor == null ? "" : "&after=" + cursor));
            page.items().getValuesAs(JsonObject.class).forEach(a -> assertTrue(seen.add(a.getString("id"))));
            cursor = page.object().isNull("next") ? null : page.object().getString("next");
        } while (cursor != null);
        assertEquals(created, seen);
    }

    @Test
    void theOperatorManagesTenantsAndVerifiesTheWholeLedger(Kassa kassa) {
        String slug = "op-" + System.nanoTime();
        ApiResponse created = kassa.operator().post("tenants", obj("slug", slug, "name", "Op", "baseCurrency", "EUR",
                "defaultLocale", "fr"));
        ApiResponse taken = kassa.operator().post("tenants", obj("slug", slug, "name", "Op", "baseCurrency", "EUR",
                "defaultLocale", "fr"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.string("apiKey").length() >= 32);
        assertEquals(409, taken.status());
        assertEquals("tenant.slug_taken", taken.code());

        ApiResponse self = kassa.operator().as(created.string("apiKey")).get("tenant");
        assertEquals(slug, self.string("slug"));
        assertEquals("EUR", self.string("baseCurrency"));
        ApiResponse methods = kassa.operator().as(created.string("apiKey")).get("payment-methods");
        assertEquals("Virement bancaire", methods.items().getJsonObject(0).getString("name"));
        assertTrue(methods.items().getJsonObject(0).getBoolean("enabled"));

        ApiResponse verify = kassa.operator().get("operator/ledger/verify");
        assertEquals(200, verify.status());
        assertTrue(verify.object().getBoolean("balanced"), verify::toString);
        assertTrue(kassa.operator().get("tenants?limit=200").body().contains(slug));
    }

    @Test
    void bankDetailsChangeFieldByFieldAndCreatedResourcesCanBeReadBack(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("*"),
                "iban", "DE89370400440532013000", "bic", "COBADEFFXXX", "bankName", "Commerzbank"));
        ApiResponse changed = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true,
                "countries", List.of("DE", "AT"), "bankName", "Commerzbank AG"));

        JsonObject settings = changed.object().getJsonObject("settings");
        assertEquals("DE89370400440532013000", settings.getString("iban"));
        assertEquals("Commerzbank AG", settings.getString("bankName"));
        assertEquals(List.of("DE", "AT"), changed.object().getJsonArray("countries")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        ApiResponse badIban = tenant.api().put("payment-methods/bank-transfer", obj("enabled", true,
                "countries", List.of("*"), "iban", "DE00370400440532013000"));
        assertEquals("request.invalid", badIban.code());
        assertEquals("DE89370400440532013000", tenant.api().get("payment-methods/bank-transfer").object()
                .getJsonObject("settings").getString("iban"));

        String account = tenant.newAccount();
        ApiResponse payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "P",
                "country", "AT"));
        String location = payer.header("Location");
        assertEquals(payer.object(), tenant.api().get(location.substring(location.indexOf("/api/"))).object());
        assertEquals(tenant.slug(), kassa.operator().get("tenants/" + tenant.id()).string("slug"));
    }

    @Test
    void healthAndOpenApiAnswer(Kassa kassa) {
        assertEquals(200, kassa.anonymous().get("/health/ready").status());
        ApiResponse openapi = kassa.anonymous().get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/accounts/{accountId}/charges"), openapi.body().substring(0, 200));
        ApiResponse json = kassa.anonymous().send("GET", "/openapi", null,
                java.util.Map.of("Accept", "application/json"));
        assertEquals("createCharge", json.object().getJsonObject("paths")
                .getJsonObject("/api/v1/accounts/{accountId}/charges").getJsonObject("post").getString("operationId"));
        ApiResponse docs = kassa.anonymous().get("/docs/api");
        assertEquals(200, docs.status());
        assertTrue(docs.contentType().startsWith("text/html") && docs.body().contains("swagger-ui-bundle.js"),
                docs::toString);
        ApiResponse bundle = kassa.anonymous().get("/docs/api/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().length() > 100_000, "the Swagger UI bundle is " + bundle.body().length() + " chars");
    }
}
