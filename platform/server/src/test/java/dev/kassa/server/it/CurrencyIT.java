package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts in EUR and USD, quotes shown before confirming, payments in another currency credited
 * at the quote or the day's rate, and the rules around changing currencies. Rates: the ECB daily
 * fixture of 2025-04-03 re-dated to today, so they are fresh (USD 1.1097, GBP 0.84163, PLN 4.1960).
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrencyIT {
    private static final MathContext RATE = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final BigDecimal USD = new BigDecimal("1.1097");

    private Kassa kassa;
    private Kassa.Tenant tenant;

    @BeforeAll
    void freshRatesAndATenantWithFourCurrencies(Kassa kassa) {
        this.kassa = kassa;
        String xml = Fixtures.text("ecb/eurofxref-daily_2025-04-03.xml")
                .replace("2025-04-03", LocalDate.now(ZoneOffset.UTC).toString());
        ApiResponse upload = kassa.operator().send("POST", "operator/exchange-rates", xml,
                Map.of("Content-Type", "application/xml"));
        assertTrue(upload.status() == 200 || upload.status() == 201, upload::toString);
        tenant = withCurrencies(0);
    }

    private Kassa.Tenant withCurrencies(int markup) {
        Kassa.Tenant t = kassa.newTenant();
        ApiResponse settings = t.api().put("settings/currencies", obj("base", "EUR",
                "enabled", List.of("EUR", "USD", "GBP", "PLN"), "markupBasisPoints", markup));
        assertEquals(200, settings.status(), settings::toString);
        return t;
    }

    @Test
    void aQuoteFixingWhatTheCustomerPaysFollowsTheExactRule() {
        ApiResponse quote = tenant.api().post("quotes", obj("from", money("100.00", "USD"), "to", "EUR"));

        assertEquals(201, quote.status(), quote::toString);
        BigDecimal r = BigDecimal.ONE.divide(USD, RATE);
        assertEquals(r.stripTrailingZeros().toPlainString(), quote.string("rate"));
        assertEquals(new BigDecimal("100.00").multiply(r).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                quote.amount("to"));
        assertEquals("90.11", quote.amount("to"));
        assertEquals("ecb", quote.string("source"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), quote.string("rateDate"));
        assertEquals(0, quote.object().getInt("markupBasisPoints"));
        assertTrue(quote.object().containsKey("expiresAt"));
        assertEquals(quote.object(), tenant.api().get("quotes/" + quote.string("id")).object());
    }

    @Test
    void aQuoteFixingWhatReachesTheBalanceDividesByTheEffectiveRateWithMarkup() {
        Kassa.Tenant marked = withCurrencies(150);
        ApiResponse quote = marked.api().post("quotes", obj("from", "USD", "to", money("50.00", "EUR")));

        BigDecimal effective = BigDecimal.ONE.divide(USD, RATE).multiply(new BigDecimal("0.985"), RATE);
        assertEquals(effective.stripTrailingZeros().toPlainString(), quote.string("rate"));
        assertEquals(new BigDecimal("50.00").divide(effective, 2, RoundingMode.HALF_EVEN).toPlainString(),
                quote.amount("from"));
        assertEquals(150, quote.object().getInt("markupBasisPoints"));
    }

    @Test
    void aEuroAccountPaidInDollarsIsCreditedTheQuotedEuros() {
        String account = tenant.newAccount();
        ApiResponse quote = tenant.api().post("quotes", obj("from", money("250.00", "USD"), "to", "EUR",
                "accountId", account));
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("250.00", "USD"), "method", "bank-transfer", "quoteId", quote.string("id")));
        assertEquals(201, topUp.status(), topUp::toString);
        assertEquals("250.00", topUp.amount("amount"));
        assertEquals("USD", topUp.object().getJsonObject("amount").getString("currency"));
        assertEquals(quote.amount("to"), topUp.amount("credit"));
        assertEquals("EUR", topUp.object().getJsonObject("credit").getString("currency"));

        ApiResponse transfer = tenant.api().post("bank-transfers", obj("bankTransactionId", "usd-" + account,
                "reference", topUp.string("reference"), "amount", money("250.00", "USD")));

        assertEquals(201, transfer.status(), transfer::toString);
        assertEquals(quote.amount("to"), transfer.amount("credited"));
        assertEquals("PAID", tenant.api().get("top-ups/" + topUp.string("id")).string("status"));
        assertEquals(quote.amount("to"), tenant.balance(account));
        JsonObject line = tenant.api().get("accounts/" + account + "/transactions").items().getJsonObject(0);
        assertEquals(quote.amount("to"), line.getJsonObject("amount").getString("amount"));
        JsonObject conversion = line.getJsonObject("conversion");
        assertEquals("250.00", conversion.getJsonObject("paid").getString("amount"));
        assertEquals("USD", conversion.getJsonObject("paid").getString("currency"));
        assertEquals(quote.string("rate"), conversion.getString("rate"));
        assertEquals("ecb", conversion.getString("source"));
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void aDollarAccountSeesLimitsInDollarsAndKeepsItsBalanceInDollars() {
        String account = createAccount(tenant, "USD");
        ApiResponse options = tenant.api().get("accounts/" + account + "/top-up-options");
        assertEquals("0.55", options.amount("minimum"));
        assertEquals("16645.50", options.amount("maximum"));
        assertEquals(List.of("110.97", "221.94", "554.85", "1109.70"), options.object().getJsonArray("presets")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("amount")).toList());
        assertEquals("USD", options.object().getJsonObject("minimum").getString("currency"));

        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("50.00", "USD"),
                "method", "bank-transfer"));
        assertEquals(201, topUp.status(), topUp::toString);
        tenant.api().post("bank-transfers", obj("bankTransactionId", "usd-own-" + account, "reference",
                topUp.string("reference"), "amount", money("50.00", "USD")));
        ApiResponse after = tenant.api().get("accounts/" + account);
        assertEquals("50.00", after.amount("balance"));
        assertEquals("USD", after.object().getJsonObject("balance").getString("currency"));

        // Euros sent straight to the account's reference convert at the day's rate: 10 x 1.1097 = 11.097.
        tenant.api().post("bank-transfers", obj("bankTransactionId", "eur-to-usd-" + account, "reference",
                after.string("reference"), "amount", money("10.00", "EUR")));
        assertEquals("61.10", tenant.balance(account));

        ApiResponse display = tenant.api().get("accounts/" + account + "?displayCurrency=EUR");
        assertEquals(new BigDecimal("61.10").divide(USD, RATE).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                display.amount("displayBalance"));
        ConcurrencyIT.assertBalanced(tenant);
    }

    @Test
    void paymentsInAnotherCurrencyNeedAMatchingQuote() {
        String account = tenant.newAccount();
        String other = tenant.newAccount();
        String body = obj("amount", money("100.00", "USD"), "method", "bank-transfer");

        ApiResponse noQuote = tenant.api().post("accounts/" + account + "/top-ups", body);
        assertEquals(422, noQuote.status());
        assertEquals("quote.required", noQuote.code());

        String otherAmount = tenant.api().post("quotes", obj("from", money("99.00", "USD"), "to", "EUR"))
                .string("id");
        assertEquals("quote.mismatch", topUp(tenant, account, "100.00", otherAmount).code());
        String otherAccount = tenant.api().post("quotes", obj("from", money("100.00", "USD"), "to", "EUR",
                "accountId", other)).string("id");
        assertEquals("quote.mismatch", topUp(tenant, account, "100.00", otherAccount).code());
        String intoDollars = tenant.api().post("quotes", obj("from", money("100.00", "GBP"), "to", "USD"))
                .string("id");
        assertEquals("quote.mismatch", topUp(tenant, account, "100.00", intoDollars).code());

        Kassa.Tenant stranger = withCurrencies(0);
        String strangersQuote = stranger.api().post("quotes", obj("from", money("100.00", "USD"), "to", "EUR"))
                .string("id");
        assertEquals("quote.mismatch", topUp(tenant, account, "100.00", strangersQuote).code());
        assertEquals(404, tenant.api().get("quotes/" + strangersQuote).status());
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size());
    }

    @Test
    void theAccountCurrencyChangesOnlyWhileNothingIsInIt() {
        String account = tenant.newAccount();
        ApiResponse changed = tenant.api().send("PATCH", "accounts/" + account, obj("currency", "USD"), Map.of());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("USD", changed.string("currency"));
        assertEquals("USD", changed.object().getJsonObject("balance").getString("currency"));

        ApiResponse notEnabled = tenant.api().send("PATCH", "accounts/" + account, obj("currency", "JPY"), Map.of());
        assertEquals("currency.not_enabled", notEnabled.code());

        ApiResponse open = tenant.api().post("accounts/" + account + "/top-ups", obj("amount", money("20.00", "USD"),
                "method", "bank-transfer"));
        ApiResponse whileOpen = tenant.api().send("PATCH", "accounts/" + account, obj("currency", "GBP"), Map.of());
        assertEquals(409, whileOpen.status());
        assertEquals("account.currency_locked", whileOpen.code());

        tenant.api().post("bank-transfers", obj("bankTransactionId", "lock-" + account, "reference",
                open.string("reference"), "amount", money("20.00", "USD")));
        ApiResponse withMoney = tenant.api().send("PATCH", "accounts/" + account, obj("currency", "GBP"), Map.of());
        assertEquals(409, withMoney.status());
        assertEquals("account.currency_locked", withMoney.code());
        assertEquals("20.00", tenant.balance(account));
        assertEquals("USD", tenant.api().get("accounts/" + account).string("currency"));
    }

    @Test
    void theBaseCurrencyIsLockedOnceMoneyMoved() {
        Kassa.Tenant fresh = kassa.newTenant();
        ApiResponse rebased = fresh.api().put("settings/currencies", obj("base", "USD", "enabled", List.of("EUR"),
                "markupBasisPoints", 0));
        assertEquals(200, rebased.status(), rebased::toString);
        assertEquals("USD", rebased.string("base"));
        assertEquals(List.of("USD", "EUR"), rebased.object().getJsonArray("enabled")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("USD", fresh.api().get("settings/top-up").object().getJsonObject("minimum").getString("currency"));

        String account = createAccount(fresh, "USD");
        fresh.api().post("bank-transfers", obj("bankTransactionId", "base-1", "reference",
                fresh.api().get("accounts/" + account).string("reference"), "amount", money("5.00", "USD")));
        ApiResponse locked = fresh.api().put("settings/currencies", obj("base", "EUR", "enabled", List.of("USD"),
                "markupBasisPoints", 0));
        assertEquals(409, locked.status());
        assertEquals("currency.base_locked", locked.code());

        ApiResponse inUse = fresh.api().put("settings/currencies", obj("base", "USD", "enabled", List.of(),
                "markupBasisPoints", 0));
        assertEquals(200, inUse.status(), "USD stays enabled as the base");
        ApiResponse tooMuch = fresh.api().put("settings/currencies", obj("base", "USD", "enabled", List.of("EUR"),
                "markupBasisPoints", 501));
        assertEquals(422, tooMuch.status());
        ApiResponse unknown = fresh.api().put("settings/currencies", obj("base", "USD", "enabled", List.of("XYZ"),
                "markupBasisPoints", 0));
        assertEquals("currency.unknown", unknown.code());
        assertEquals("USD", fresh.api().get("settings/currencies").string("base"));
        assertEquals("EUR", tenant.api().get("settings/currencies").string("base"), "other tenants untouched");
    }

    @Test
    void aCurrencyInUseCannotBeDisabled() {
        Kassa.Tenant t = withCurrencies(0);
        createAccount(t, "PLN");
        ApiResponse response = t.api().put("settings/currencies", obj("base", "EUR", "enabled", List.of("USD"),
                "markupBasisPoints", 0));
        assertEquals(409, response.status());
        assertEquals("currency.in_use", response.code());
    }

    private static ApiResponse topUp(Kassa.Tenant t, String account, String usd, String quoteId) {
        return t.api().post("accounts/" + account + "/top-ups", obj("amount", money(usd, "USD"),
                "method", "bank-transfer", "quoteId", quoteId));
    }

    private static String createAccount(Kassa.Tenant t, String currency) {
        ApiResponse r = t.api().post("accounts", obj("email", "fx" + System.nanoTime() + "@example.com",
                "name", "FX", "country", "US", "currency", currency));
        assertEquals(201, r.status(), r::toString);
        return r.string("id");
    }
}
