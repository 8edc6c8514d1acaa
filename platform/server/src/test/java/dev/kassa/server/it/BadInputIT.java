package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear problem with a stable code, and changes nothing. */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private Kassa kassa;
    private Kassa.Tenant tenant;
    private String account;
    private String payer;
    private String billingSettings;

    @BeforeAll
    void anAccountWithTenEuros(Kassa kassa) {
        this.kassa = kassa;
        tenant = kassa.newTenant();
        account = tenant.newAccount();
        tenant.fund(account, "10.00");
        InvoiceIT.establish(tenant, "DE", "DE123456789", false);
        billingSettings = tenant.api().get("settings/billing").body();
        payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
    }

    Stream<Arguments> badCharges() {
        return Stream.of(
                bad("too many decimals", obj("amount", money("1.005", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("exponent", obj("amount", money("1e2", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("a JSON number", obj("amount", raw("{\"amount\": 1.5, \"currency\": \"EUR\"}"), "description", "x"),
                        422, "request.invalid"),
                bad("NaN", obj("amount", money("NaN", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("Infinity", obj("amount", money("Infinity", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("negative", obj("amount", money("-1.00", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("zero", obj("amount", money("0.00", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("not a number", obj("amount", money("ten", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("blank amount", obj("amount", money(" ", "EUR"), "description", "x"), 422, "request.invalid"),
                bad("huge amount", obj("amount", money("1234567890123456789", "EUR"), "description", "x"), 422,
                        "request.invalid"),
                bad("unknown currency", obj("amount", money("1.00", "XYZ"), "description", "x"), 422, "currency.unknown"),
                bad("withdrawn currency", obj("amount", money("1.00", "DEM"), "description", "x"), 422,
                        "currency.unknown"),
                bad("other currency", obj("amount", money("1.00", "USD"), "description", "x"), 422, "request.invalid"),
                bad("missing amount", obj("description", "x"), 422, "request.invalid"),
                bad("missing description", obj("amount", money("1.00", "EUR")), 422, "request.invalid"),
                bad("amount is a string", obj("amount", "1.00", "description", "x"), 422, "request.invalid"),
                bad("more than the balance", obj("amount", money("10.01", "EUR"), "description", "x"), 409,
                        "balance.insufficient"),
                bad("19 decimals", obj("amount", money("1.0000000000000000001", "EUR"), "description", "x"), 422,
                        "request.invalid"),
                bad("an exponent of a billion", obj("amount", money("1e999999999", "EUR"), "description", "x"), 422,
                        "request.invalid"),
                bad("a JSON number with an exponent of a billion", obj("amount",
                        raw("{\"amount\": 1e999999999, \"currency\": \"EUR\"}"), "description", "x"), 400,
                        "request.malformed"),
                bad("a number of 2,000 digits", "{\"amount\": {\"amount\": 1" + "0".repeat(2000)
                        + ", \"currency\": \"EUR\"}, \"description\": \"x\"}", 400, "request.malformed"),
                bad("a description of 100,000 characters", obj("amount", money("1.00", "EUR"), "description",
                        "x".repeat(100_000)), 400, "request.malformed"),
                bad("a description of 501 characters", obj("amount", money("1.00", "EUR"), "description",
                        "x".repeat(501)), 422, "request.invalid"),
                bad("20,000 nested [", "[".repeat(20_000), 400, "request.malformed"),
                bad("65 nested objects", "{\"a\":".repeat(65) + "1" + "}".repeat(65), 400, "request.malformed"),
                bad("a body of 2 MiB", obj("amount", money("1.00", "EUR"), "description", "x".repeat(2 << 20)), 413,
                        "request.too_large"),
                bad("malformed JSON", "{\"amount\": ", 400, "request.malformed"),
                bad("a JSON array", "[1, 2]", 400, "request.malformed"),
                bad("empty body", "", 400, "request.malformed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCharges")
    void chargeIsRefused(String name, String body, int status, String code) {
        ApiResponse response = tenant.api().post("accounts/" + account + "/charges", body);

        assertProblem(response, status, code);
        assertEquals("10.00", tenant.balance(account));
    }

    @Test
    void nineteenDecimalsAreTooManyDecimals() {
        ApiResponse response = tenant.api().post("accounts/" + account + "/charges",
                obj("amount", money("1.0000000000000000001", "EUR"), "description", "x"));

        assertProblem(response, 422, "request.invalid");
        assertEquals("amount.too_many_decimals", response.object().getJsonArray("errors").getJsonObject(0)
                .getString("code"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = obj("amount", money("1.00", "EUR"), "description", "x".repeat(2 << 20))
                .getBytes(StandardCharsets.UTF_8);
        for (Map<String, String> headers : List.of(Map.of("Content-Type", "application/json"),
                Map.of("Content-Type", "application/json", "Idempotency-Key", "chunked-" + UUID.randomUUID()))) {
            // A publisher of unknown length: sent chunked, without Content-Length.
            ApiResponse response = tenant.api().sendBody("POST", "accounts/" + account + "/charges",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);

            assertProblem(response, 413, "request.too_large");
            assertEquals("10.00", tenant.balance(account));
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        byte[] body = obj("amount", money("1.00", "EUR"), "description", "x".repeat(500))
                .getBytes(StandardCharsets.UTF_8);
        Kassa.Tenant own = kassa.newTenant(); // the other tests count the shared tenant's accounts
        String other = own.newAccount();
        own.fund(other, "2.00");

        ApiResponse response = own.api().sendBody("POST", "accounts/" + other + "/charges",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                Map.of("Content-Type", "application/json"));

        assertEquals(201, response.status(), response::toString);
        assertEquals("1.00", own.balance(other));
    }

    @Test
    void aRefundReportedFailedWithANulInItsReasonIsRefused() {
        Kassa.Tenant own = kassa.newTenant();
        String other = own.newAccount();
        ApiResponse topUp = own.api().post("accounts/" + other + "/top-ups",
                obj("amount", money("5.00", "EUR"), "method", "bank-transfer"));
        own.api().post("bank-transfers", obj("bankTransactionId", "nul-" + UUID.randomUUID(), "reference",
                topUp.string("reference"), "amount", money("5.00", "EUR")));
        ApiResponse refund = own.api().post("top-ups/" + topUp.string("id") + "/refunds",
                obj("amount", money("1.00", "EUR")));
        assertEquals(201, refund.status(), refund::toString);

        ApiResponse failed = own.api().post("refunds/" + refund.string("id") + "/failed",
                obj("reason", "a\u0000b"));

        assertProblem(failed, 422, "request.invalid");
        assertEquals("PENDING", own.api().get("refunds/" + refund.string("id")).string("status"));
        assertEquals("4.00", own.balance(other));
    }

    @Test
    void webhooksAndRatesKeepTheirOwnLimits() {
        String twoMiB = " ".repeat(2 << 20);
        assertProblem(kassa.anonymous().send("POST", "/webhooks/nobody-here/stripe", "{" + twoMiB + "}", Map.of()),
                413, "request.too_large");
        // Read whole (up to 32 MiB) and found wanting, not refused for its size.
        assertProblem(kassa.operator().send("POST", "operator/exchange-rates", "<a>" + twoMiB + "</b>",
                Map.of("Content-Type", "application/xml")), 422, "rates.malformed");
    }

    Stream<Arguments> badTopUps() {
        return Stream.of(
                bad("below the minimum", obj("amount", money("0.49", "EUR"), "method", "bank-transfer"), 422,
                        "topup.amount_out_of_range"),
                bad("above the maximum", obj("amount", money("15000.01", "EUR"), "method", "bank-transfer"), 422,
                        "topup.amount_out_of_range"),
                bad("a currency the tenant has not enabled", obj("amount", money("10.00", "USD"), "method",
                        "bank-transfer"), 422, "currency.not_enabled"),
                bad("unknown method", obj("amount", money("10.00", "EUR"), "method", "cheque"), 422,
                        "topup.method_unavailable"),
                bad("unknown payer", obj("amount", money("10.00", "EUR"), "payerId", "pyr_nope", "method",
                        "bank-transfer"), 404, "not_found"),
                bad("no method", obj("amount", money("10.00", "EUR")), 422, "request.invalid"),
                bad("no amount and no invoice", obj("method", "bank-transfer"), 422, "request.invalid"),
                bad("an unknown invoice", obj("method", "bank-transfer", "invoiceId", "inv_nope"), 404, "not_found"),
                bad("an invoice id with a NUL", obj("method", "bank-transfer", "invoiceId", "inv_\u0000"), 422,
                        "request.invalid"),
                bad("an invoice id of 41 characters", obj("method", "bank-transfer", "invoiceId", "i".repeat(41)), 422,
                        "request.invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTopUps")
    void topUpIsRefused(String name, String body, int status, String code) {
        ApiResponse response = tenant.api().post("accounts/" + account + "/top-ups", body);

        assertProblem(response, status, code);
        assertEquals(0, tenant.api().get("accounts/" + account + "/top-ups").items().size());
    }

    @Test
    void outOfRangeTopUpSaysTheLimits() {
        ApiResponse response = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money("20000.00", "EUR"), "method", "bank-transfer"));

        assertEquals("0.50", response.object().getJsonObject("minimum").getString("amount"));
        assertEquals("15000.00", response.object().getJsonObject("maximum").getString("amount"));
    }

    Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("account without email", "POST", "accounts", obj("name", "X", "country", "DE"), 422,
                        "request.invalid"),
                Arguments.of("account with bad email", "POST", "accounts", obj("email", "nope", "name", "X",
                        "country", "DE"), 422, "request.invalid"),
                Arguments.of("account with bad country", "POST", "accounts", obj("email", "c@example.com",
                        "name", "X", "country", "Germany"), 422, "request.invalid"),
                Arguments.of("company with bad VAT id", "POST", "accounts/{account}/payers", obj("type", "COMPANY",
                        "name", "X GmbH", "country", "DE", "vatId", "DE12"), 422, "request.invalid"),
                Arguments.of("payer of unknown type", "POST", "accounts/{account}/payers", obj("type", "ROBOT",
                        "name", "X", "country", "DE"), 422, "request.invalid"),
                Arguments.of("limit 0", "GET", "accounts?limit=0", null, 422, "request.invalid"),
                Arguments.of("limit 201", "GET", "accounts?limit=201", null, 422, "request.invalid"),
                Arguments.of("limit abc", "GET", "accounts?limit=abc", null, 422, "request.invalid"),
                Arguments.of("bad cursor", "GET", "accounts?after=zzz", null, 422, "request.invalid"),
                Arguments.of("bad status filter", "GET", "accounts/{account}/top-ups?status=LOST", null, 422,
                        "request.invalid"),
                Arguments.of("unknown account", "GET", "accounts/acc_nope", null, 404, "not_found"),
                Arguments.of("unknown route", "GET", "nothing-here", null, 404, "not_found"),
                Arguments.of("unknown route outside the API", "GET", "/nothing-here", null, 404, "not_found"),
                Arguments.of("wrong method", "DELETE", "accounts", null, 405, "request.method_not_allowed"),
                Arguments.of("adjustment without reason", "POST", "accounts/{account}/adjustments",
                        obj("amount", money("1.00", "EUR"), "direction", "CREDIT"), 422, "request.invalid"),
                Arguments.of("adjustment below zero", "POST", "accounts/{account}/adjustments",
                        obj("amount", money("10.01", "EUR"), "direction", "DEBIT", "reason", "fix"), 409,
                        "balance.insufficient"),
                Arguments.of("top-up settings minimum above maximum", "PUT", "settings/top-up",
                        obj("minimum", money("100.00", "EUR"), "maximum", money("10.00", "EUR"), "presets",
                                java.util.List.of()), 422, "request.invalid"),
                Arguments.of("top-up preset outside limits", "PUT", "settings/top-up",
                        obj("minimum", money("1.00", "EUR"), "maximum", money("10.00", "EUR"), "presets",
                                java.util.List.of(raw(obj("amount", "20.00", "currency", "EUR")))), 422,
                        "request.invalid"),
                Arguments.of("bank transfer with bad countries", "PUT", "payment-methods/bank-transfer",
                        obj("enabled", true, "countries", java.util.List.of("Germany")), 422, "request.invalid"),
                Arguments.of("markup with an exponent of a billion", "PUT", "settings/currencies",
                        "{\"base\": \"EUR\", \"enabled\": [\"EUR\"], \"markupBasisPoints\": 1e999999999}", 400,
                        "request.malformed"),
                Arguments.of("top-up settings nested 20,000 deep", "PUT", "settings/top-up", "[".repeat(20_000), 400,
                        "request.malformed"),
                Arguments.of("payer with a name of 100,000 characters", "POST", "accounts/{account}/payers",
                        obj("type", "PERSON", "name", "x".repeat(100_000), "country", "DE"), 400, "request.malformed"),
                Arguments.of("refund failed nested 20,000 deep", "POST", "refunds/ref_nope/failed",
                        "[".repeat(20_000), 400, "request.malformed"),
                Arguments.of("account with a NUL in its name", "POST", "accounts", obj("email", "nul@example.com",
                        "name", "a\u0000b", "country", "DE"), 422, "request.invalid"),
                Arguments.of("account with a lone surrogate in its name", "POST", "accounts",
                        "{\"email\": \"lone@example.com\", \"name\": \"a\\ud800b\", \"country\": \"DE\"}", 422,
                        "request.invalid"),
                Arguments.of("top-up for a payer id with a NUL", "POST", "accounts/{account}/top-ups",
                        obj("amount", money("5.00", "EUR"), "method", "bank-transfer", "payerId", "pyr_\u0000"), 422,
                        "request.invalid"),
                Arguments.of("bank transfer with a NUL in its id", "POST", "bank-transfers", obj("bankTransactionId",
                        "nul\u0000", "amount", money("1.00", "EUR")), 422, "request.invalid"),
                Arguments.of("unknown payment method", "PUT", "payment-methods/cheque",
                        obj("enabled", true, "countries", java.util.List.of("*")), 404, "not_found"),
                Arguments.of("a bank statement that is no statement", "POST", "bank-statements",
                        obj("not", "a statement"), 422, "statement.unreadable"),
                Arguments.of("a bank statement with an external entity (XXE)", "POST", "bank-statements",
                        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document"
                                + " xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
                                + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">"
                                + "1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>&x;</AddtlNtryInf></Ntry>"
                                + "</Stmt></BkToCstmrStmt></Document>", 422, "statement.unreadable"),
                Arguments.of("a bank statement of an unknown camt version", "POST", "bank-statements",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\"/>", 422,
                        "statement.unsupported_version"),
                Arguments.of("a bank statement over KASSA_MAX_STATEMENT_BYTES", "POST", "bank-statements",
                        ":20:" + " ".repeat(5 << 20), 413, "statement.too_large"),
                Arguments.of("an unknown bank statement", "GET", "bank-statements/bst_nope", null, 404, "not_found"),
                Arguments.of("entries of an unknown bank statement", "GET", "bank-statements/bst_nope/entries", null,
                        404, "not_found"),
                Arguments.of("bank transfer without id", "POST", "bank-transfers",
                        obj("reference", "x", "amount", money("1.00", "EUR")), 422, "request.invalid"),
                Arguments.of("assign unknown transfer", "POST", "bank-transfers/btr_nope/assign",
                        obj("accountId", "{account}"), 404, "not_found"),
                Arguments.of("credentials not an object", "PUT", "payment-methods/stripe-card",
                        obj("enabled", true, "countries", java.util.List.of("*"), "credentials", "sk_x"), 422,
                        "request.invalid"),
                Arguments.of("a credential not a string", "PUT", "payment-methods/stripe-card",
                        obj("enabled", true, "countries", java.util.List.of("*"), "credentials",
                                raw("{\"secretKey\": 5}")), 422, "request.invalid"),
                Arguments.of("an unknown credential", "PUT", "payment-methods/stripe-card",
                        obj("enabled", true, "countries", java.util.List.of("*"), "credentials",
                                raw("{\"password\": \"x\"}")), 422, "request.invalid"),
                Arguments.of("a key of the wrong kind", "PUT", "payment-methods/stripe-card",
                        obj("enabled", true, "countries", java.util.List.of("*"), "credentials",
                                raw("{\"secretKey\": \"pk_test_123456789012\", \"publishableKey\": \"pk_test_1\","
                                        + " \"webhookSecret\": \"whsec_1\"}")), 422, "request.invalid"),
                Arguments.of("bank transfer with a bad IBAN", "PUT", "payment-methods/bank-transfer",
                        obj("enabled", true, "countries", java.util.List.of("*"), "iban", "DE00370400440532013000"),
                        422, "request.invalid"),
                Arguments.of("saved method without payer", "POST", "accounts/{account}/saved-methods",
                        obj("method", "stripe-card"), 422, "request.invalid"),
                Arguments.of("saved method for an unknown payer", "POST", "accounts/{account}/saved-methods",
                        obj("method", "stripe-card", "payerId", "pay_nope"), 404, "not_found"),
                Arguments.of("off-session without a saved method", "POST", "accounts/{account}/top-ups",
                        obj("amount", money("5.00", "EUR"), "method", "bank-transfer", "offSession", true), 422,
                        "request.invalid"),
                Arguments.of("an unknown saved method", "POST", "accounts/{account}/top-ups",
                        obj("amount", money("5.00", "EUR"), "method", "bank-transfer", "savedMethodId", "spm_nope"),
                        422, "request.invalid"),
                Arguments.of("refund without amount", "POST", "top-ups/top_nope/refunds", obj("reason", "x"), 422,
                        "request.invalid"),
                Arguments.of("refund of an unknown top-up", "POST", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR")), 404, "not_found"),
                Arguments.of("attempts of an unknown top-up", "GET", "top-ups/top_nope/attempts", null, 404,
                        "not_found"),
                Arguments.of("unknown saved method", "GET", "saved-methods/spm_nope", null, 404, "not_found"),
                Arguments.of("unknown refund reported sent", "POST", "refunds/ref_nope/sent", "{}", 404, "not_found"),
                Arguments.of("refund to a bank account without a name", "POST", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR"), "bankAccount", raw(obj("iban", "DE89370400440532013000"))),
                        422, "request.invalid"),
                Arguments.of("refund to a bank account that is a string", "POST", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR"), "bankAccount", "DE89370400440532013000"), 422,
                        "request.invalid"),
                Arguments.of("credit-transfer file of an unknown refund", "GET", "refunds/ref_nope/pain.001", null,
                        404, "not_found"),
                Arguments.of("credit-transfer file in an unknown version", "GET", "refunds/ref_nope/pain.001?version=02",
                        null, 422, "request.invalid"),
                Arguments.of("refund batch of no refund", "POST", "refund-batches", obj("refundIds", List.of()), 422,
                        "request.invalid"),
                Arguments.of("refund batch of an unknown refund", "POST", "refund-batches",
                        obj("refundIds", List.of("ref_nope")), 404, "not_found"),
                Arguments.of("refund batch of a number", "POST", "refund-batches", obj("refundIds", raw("[5]")), 422,
                        "request.invalid"),
                Arguments.of("refund batch with broken JSON", "POST", "refund-batches", "{\"refundIds\": [", 400,
                        "request.malformed"),
                Arguments.of("refund batch of nothing waiting", "POST", "refund-batches", "{}", 409,
                        "refund_batch.empty"),
                Arguments.of("unknown refund batch", "GET", "refund-batches/rfb_nope", null, 404, "not_found"),
                Arguments.of("credit-transfer file of an unknown batch", "GET", "refund-batches/rfb_nope/pain.001",
                        null, 404, "not_found"),
                Arguments.of("unknown refund batch reported sent", "POST", "refund-batches/rfb_nope/sent", "{}", 404,
                        "not_found"),
                Arguments.of("webhook for an unknown tenant", "POST", "/webhooks/nobody-here/stripe", "{}", 400,
                        "webhook.signature_invalid"),
                Arguments.of("webhook without a plugin", "POST", "/webhooks/nobody-here", "{}", 404, "not_found"),
                Arguments.of("webhook read", "GET", "/webhooks/nobody-here/stripe", null, 405,
                        "request.method_not_allowed"),
                Arguments.of("webhook endpoint for an unknown event", "POST", "webhook-endpoints",
                        obj("url", "https://hooks.reseller.invalid/k", "events", java.util.List.of("topup.lost")), 422,
                        "webhook.event_unknown"),
                Arguments.of("webhook endpoint for no event", "POST", "webhook-endpoints",
                        obj("url", "https://hooks.reseller.invalid/k", "events", java.util.List.of()), 422,
                        "webhook.event_unknown"),
                Arguments.of("webhook endpoint without events", "POST", "webhook-endpoints",
                        obj("url", "https://hooks.reseller.invalid/k"), 422, "request.invalid"),
                Arguments.of("webhook endpoint with events not a list", "POST", "webhook-endpoints",
                        obj("url", "https://hooks.reseller.invalid/k", "events", "topup.paid"), 422, "request.invalid"),
                Arguments.of("webhook endpoint without url", "POST", "webhook-endpoints",
                        obj("events", java.util.List.of("*")), 422, "request.invalid"),
                Arguments.of("webhook endpoint not a URL", "POST", "webhook-endpoints",
                        obj("url", "hooks.reseller.invalid", "events", java.util.List.of("*")), 422,
                        "webhook.url_invalid"),
                Arguments.of("webhook endpoint with a user name", "POST", "webhook-endpoints",
                        obj("url", "https://me:pw@hooks.reseller.invalid/", "events", java.util.List.of("*")), 422,
                        "webhook.url_invalid"),
                Arguments.of("webhook endpoint over plain http", "POST", "webhook-endpoints",
                        obj("url", "http://hooks.reseller.invalid/k", "events", java.util.List.of("*")), 422,
                        "webhook.url_insecure"),
                Arguments.of("webhook endpoint on the loopback", "POST", "webhook-endpoints",
                        obj("url", "https://127.0.0.1:8443/k", "events", java.util.List.of("*")), 422,
                        "webhook.url_forbidden"),
                Arguments.of("webhook endpoint on a private network", "POST", "webhook-endpoints",
                        obj("url", "https://192.168.1.10/k", "events", java.util.List.of("*")), 422,
                        "webhook.url_forbidden"),
                Arguments.of("webhook endpoint at the cloud metadata address", "POST", "webhook-endpoints",
                        obj("url", "https://169.254.169.254/latest", "events", java.util.List.of("*")), 422,
                        "webhook.url_forbidden"),
                Arguments.of("webhook endpoint named localhost", "POST", "webhook-endpoints",
                        obj("url", "https://localhost/k", "events", java.util.List.of("*")), 422,
                        "webhook.url_forbidden"),
                Arguments.of("webhook endpoints limit 0", "GET", "webhook-endpoints?limit=0", null, 422,
                        "request.invalid"),
                Arguments.of("unknown webhook endpoint", "GET", "webhook-endpoints/whe_nope", null, 404, "not_found"),
                Arguments.of("deliveries of an unknown webhook endpoint", "GET", "webhook-endpoints/whe_nope/deliveries",
                        null, 404, "not_found"),
                Arguments.of("redelivery for an unknown webhook endpoint", "POST",
                        "webhook-endpoints/whe_nope/deliveries/whd_nope/redeliver", "{}", 404, "not_found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefused(String name, String method, String path, String body, int status, String code) {
        String resolved = path.replace("{account}", account);
        ApiResponse response = tenant.api().send(method, resolved, body == null ? null : body.replace("{account}",
                account), Map.of());

        assertProblem(response, status, code);
        assertEquals("10.00", tenant.balance(account));
        assertEquals("0.50", tenant.api().get("settings/top-up").amount("minimum"));
        assertEquals(1, tenant.api().get("accounts").items().size());
    }

    Stream<Arguments> fieldErrors() {
        return Stream.of(
                Arguments.of("account locale not a string", "accounts", obj("email", "f1@example.com", "name", "X",
                        "country", "DE", "locale", raw("5")), "request.invalid", "locale", "type"),
                Arguments.of("account locale not a locale", "accounts", obj("email", "f2@example.com", "name", "X",
                        "country", "DE", "locale", "!!"), "request.invalid", "locale", "locale.invalid"),
                Arguments.of("account country in lower case", "accounts", obj("email", "f3@example.com", "name", "X",
                        "country", "de"), "request.invalid", "country", "country.invalid"),
                Arguments.of("account currency of four letters", "accounts", obj("email", "f4@example.com", "name",
                        "X", "country", "DE", "currency", "EURO"), "request.invalid", "currency", "too_long"),
                Arguments.of("account currency unknown", "accounts", obj("email", "f5@example.com", "name", "X",
                        "country", "DE", "currency", "XYZ"), "currency.unknown", "currency", "currency.unknown"),
                Arguments.of("account name blank", "accounts", obj("email", "f6@example.com", "name", "  ",
                        "country", "DE"), "request.invalid", "name", "blank"),
                Arguments.of("payer address a number", "accounts/{account}/payers", obj("type", "PERSON", "name", "X",
                        "country", "DE", "address", raw("5")), "request.invalid", "address", "type"),
                Arguments.of("payer VAT id of another country", "accounts/{account}/payers", obj("type", "COMPANY",
                        "name", "X", "country", "FR", "vatId", "DE123456789"), "request.invalid", "vatId",
                        "vat_id.invalid"),
                Arguments.of("payer VAT id only its prefix", "accounts/{account}/payers", obj("type", "COMPANY",
                        "name", "X", "country", "DE", "vatId", "DE"), "request.invalid", "vatId", "vat_id.invalid"),
                Arguments.of("payer VAT id a number", "accounts/{account}/payers", obj("type", "COMPANY",
                        "name", "X", "country", "DE", "vatId", raw("123456789")), "request.invalid", "vatId", "type"),
                Arguments.of("top-up saveMethod a string", "accounts/{account}/top-ups", obj("amount",
                        money("5.00", "EUR"), "method", "bank-transfer", "saveMethod", "yes"), "request.invalid",
                        "saveMethod", "type"),
                Arguments.of("top-up amount a string", "accounts/{account}/top-ups", obj("amount", "5.00",
                        "method", "bank-transfer"), "request.invalid", "amount", "type"),
                Arguments.of("quote fixing both sides", "quotes", obj("from", money("10.00", "USD"), "to",
                        money("10.00", "EUR")), "request.invalid", "to", "invalid"),
                Arguments.of("quote from an unknown currency", "quotes", obj("from", "XYZ", "to",
                        money("10.00", "EUR")), "currency.unknown", "from", "currency.unknown"),
                Arguments.of("quote of a negative amount", "quotes", obj("from", money("-1.00", "USD"), "to", "EUR"),
                        "request.invalid", "from.amount", "amount.not_positive"),
                Arguments.of("bank transfer received yesterday", "bank-transfers", obj("bankTransactionId", "fe-1",
                        "amount", money("1.00", "EUR"), "receivedAt", "yesterday"), "request.invalid", "receivedAt",
                        "invalid"),
                Arguments.of("refund to an IBAN whose check digits are wrong", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR"), "bankAccount", raw(obj("iban", "DE89370400440532013001",
                                "name", "X"))), "request.invalid", "bankAccount.iban", "iban.invalid"),
                Arguments.of("refund to an IBAN too short for its country", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR"), "bankAccount", raw(obj("iban", "DE8937040044053201300",
                                "name", "X"))), "request.invalid", "bankAccount.iban", "iban.invalid"),
                Arguments.of("refund to a bank with a bad BIC", "top-ups/top_nope/refunds",
                        obj("amount", money("1.00", "EUR"), "bankAccount", raw(obj("iban", "DE89370400440532013000",
                                "bic", "COBA-DE", "name", "X"))), "request.invalid", "bankAccount.bic", "bic.invalid"),
                Arguments.of("adjustment upwards", "accounts/{account}/adjustments", obj("amount",
                        money("1.00", "EUR"), "direction", "UP", "reason", "x"), "request.invalid", "direction",
                        "invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldErrors")
    void eachFieldSaysWhatIsWrongWithIt(String name, String path, String body, String code, String field,
                                        String fieldCode) {
        ApiResponse response = tenant.api().post(path.replace("{account}", account), body);

        assertProblem(response, 422, code);
        var first = response.object().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, first.getString("field"), response::toString);
        assertEquals(fieldCode, first.getString("code"), response::toString);
        assertEquals("10.00", tenant.balance(account));
        assertEquals(1, tenant.api().get("accounts").items().size());
    }

    Stream<Arguments> settingsFieldErrors() {
        return Stream.of(
                Arguments.of("an unknown enabled currency", "settings/currencies", obj("base", "EUR", "enabled",
                        java.util.List.of("EUR", "XYZ")), "currency.unknown", "enabled[1]", "currency.unknown"),
                Arguments.of("a markup with decimals", "settings/currencies", obj("base", "EUR", "enabled",
                        java.util.List.of("EUR"), "markupBasisPoints", raw("1.5")), "request.invalid",
                        "markupBasisPoints", "invalid"),
                Arguments.of("a negative preset", "settings/top-up", obj("minimum", money("1.00", "EUR"), "maximum",
                        money("10.00", "EUR"), "presets", java.util.List.of(money("-1.00", "EUR"))),
                        "request.invalid", "presets[0].amount", "amount.not_positive"),
                Arguments.of("all countries and one more", "payment-methods/bank-transfer", obj("enabled", true,
                        "countries", java.util.List.of("*", "DE")), "request.invalid", "countries", "invalid"),
                Arguments.of("a country twice", "payment-methods/bank-transfer", obj("enabled", true,
                        "countries", java.util.List.of("DE", "DE")), "request.invalid", "countries[1]", "duplicate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsFieldErrors")
    void eachSettingSaysWhatIsWrongWithIt(String name, String path, String body, String code, String field,
                                          String fieldCode) {
        ApiResponse response = tenant.api().put(path, body);

        assertProblem(response, 422, code);
        var first = response.object().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, first.getString("field"), response::toString);
        assertEquals(fieldCode, first.getString("code"), response::toString);
        assertEquals("0.50", tenant.api().get("settings/top-up").amount("minimum"));
        assertEquals(0, tenant.api().get("settings/currencies").object().getInt("markupBasisPoints"));
    }

    Stream<Arguments> badBilling() {
        String line = InvoiceIT.line("Migration", 1, "5.00");
        return Stream.of(
                billing("an unknown placeholder", "PUT", "settings/billing", obj("establishmentCountry", "DE",
                        "numbering", raw(obj("invoice", "INV-{n}-{seq}"))), 422, "request.invalid", "numbering.invoice",
                        "numbering.placeholder_unknown"),
                billing("a format without its sequence", "PUT", "settings/billing", obj("numbering",
                        raw(obj("receipt", "RCT-{yyyy}"))), 422, "request.invalid", "numbering.receipt",
                        "numbering.seq_missing"),
                billing("a format without a year", "PUT", "settings/billing", obj("numbering",
                        raw(obj("creditNote", "CN-{seq:6}"))), 422, "request.invalid", "numbering.creditNote",
                        "numbering.year_missing"),
                billing("negative grace days", "PUT", "settings/billing", obj("graceDays", -1), 422,
                        "request.invalid", "graceDays", "negative"),
                billing("negative termination days", "PUT", "settings/billing", obj("terminationDays", -5), 422,
                        "request.invalid", "terminationDays", "negative"),
                billing("termination before grace", "PUT", "settings/billing", obj("graceDays", 10,
                        "terminationDays", 5), 422, "request.invalid", "terminationDays", "before_grace"),
                billing("grace days in words", "PUT", "settings/billing", obj("graceDays", "seven"), 422,
                        "request.invalid", "graceDays", "invalid"),
                billing("grace days with decimals", "PUT", "settings/billing", obj("graceDays", raw("1.5")), 422,
                        "request.invalid", "graceDays", "invalid"),
                billing("a country in lower case", "PUT", "settings/billing", obj("establishmentCountry", "de"), 422,
                        "request.invalid", "establishmentCountry", "country.invalid"),
                billing("a country outside the EU", "PUT", "settings/billing", obj("establishmentCountry", "GB"), 422,
                        "request.invalid", "establishmentCountry", "country.not_eu"),
                billing("a VAT ID of another format", "PUT", "settings/billing", obj("establishmentCountry", "DE",
                        "vatId", "DE12"), 422, "request.invalid", "vatId", "vat_id.invalid"),
                billing("a Greek VAT ID with GR", "PUT", "settings/billing", obj("establishmentCountry", "GR",
                        "vatId", "GR123456789"), 422, "request.invalid", "vatId", "vat_id.invalid"),
                billing("a VAT ID without a country", "PUT", "settings/billing", obj("vatId", "DE123456789"), 422,
                        "request.invalid", "vatId", "vat_id.country_missing"),
                billing("numbering not an object", "PUT", "settings/billing", obj("numbering", "INV"), 422,
                        "request.invalid", "numbering", "type"),
                billing("an invoice without lines", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}"),
                        422, "request.invalid", "lines", "required"),
                billing("an invoice with no line", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}",
                        "lines", raw("[]")), 422, "request.invalid", "lines", "empty"),
                billing("an invoice without payer", "POST", "accounts/{account}/invoices", obj("lines",
                        raw("[" + line + "]")), 422, "request.invalid", "payerId", "required"),
                billing("a quantity of 0", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}", "lines",
                        raw("[" + obj("description", "x", "quantity", 0, "unitPrice", money("1.00", "EUR")) + "]")),
                        422, "request.invalid", "lines[0].quantity", "invalid"),
                billing("a quantity of 1.5", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}", "lines",
                        raw("[" + obj("description", "x", "quantity", raw("1.5"), "unitPrice", money("1.00", "EUR"))
                                + "]")), 422, "request.invalid", "lines[0].quantity", "invalid"),
                billing("a negative unit price", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}",
                        "lines", raw("[" + obj("description", "x", "quantity", 1, "unitPrice", money("-1.00", "EUR"))
                                + "]")), 422, "request.invalid", "lines[0].unitPrice.amount", "amount.not_positive"),
                billing("a line without description", "POST", "accounts/{account}/invoices", obj("payerId",
                        "{payer}", "lines", raw("[" + obj("quantity", 1, "unitPrice", money("1.00", "EUR")) + "]")),
                        422, "request.invalid", "lines[0].description", "required"),
                billing("an unknown tax category", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}",
                        "lines", raw("[" + obj("description", "x", "quantity", 1, "unitPrice", money("1.00", "EUR"),
                                "taxCategory", "LUXURY") + "]")), 422, "request.invalid", "lines[0].taxCategory",
                        "invalid"),
                billing("a supply date that is no day", "POST", "accounts/{account}/invoices", obj("payerId",
                        "{payer}", "lines", raw("[" + line + "]"), "supplyDate", "2026-02-30"), 422,
                        "request.invalid", "supplyDate", "invalid"),
                billing("a due date in words", "POST", "accounts/{account}/invoices", obj("payerId", "{payer}",
                        "lines", raw("[" + line + "]"), "dueAt", "tomorrow"), 422, "request.invalid", "dueAt",
                        "invalid"),
                billing("a price in another currency", "POST", "accounts/{account}/invoices", obj("payerId",
                        "{payer}", "lines", raw("[" + obj("description", "x", "quantity", 1, "unitPrice",
                                money("1.00", "USD")) + "]")), 422, "invoice.currency_mismatch",
                        "lines[0].unitPrice.currency", "currency.mismatch"),
                billing("an unknown payer", "POST", "accounts/{account}/invoices", obj("payerId", "pyr_nope",
                        "lines", raw("[" + line + "]")), 404, "not_found", null, null),
                billing("an unknown account", "POST", "accounts/acc_nope/invoices", obj("payerId", "{payer}",
                        "lines", raw("[" + line + "]")), 404, "not_found", null, null),
                billing("a list of a status that is none", "GET", "accounts/{account}/invoices?status=OPEN", null,
                        422, "request.invalid", "status", "invalid"),
                billing("a list with another list's cursor", "GET", "accounts/{account}/invoices?after=top_1", null,
                        422, "request.invalid", "after", "invalid"),
                billing("an unknown invoice", "GET", "invoices/inv_nope", null, 404, "not_found", null, null),
                billing("finalising an unknown invoice", "POST", "invoices/inv_nope/finalize", null, 404,
                        "not_found", null, null),
                billing("paying by card", "POST", "invoices/inv_nope/pay", obj("from", "card"), 422,
                        "request.invalid", "from", "invalid"),
                billing("paying from nowhere", "POST", "invoices/inv_nope/pay", "{}", 422, "request.invalid", "from",
                        "required"),
                billing("paying an unknown invoice", "POST", "invoices/inv_nope/pay", obj("from", "balance"), 404,
                        "not_found", null, null),
                billing("a credit note without reason", "POST", "invoices/inv_nope/credit-notes", "{}", 422,
                        "request.invalid", "reason", "required"),
                billing("a credit note taking 0 units", "POST", "invoices/inv_nope/credit-notes", obj("reason", "x",
                        "lines", raw("[" + obj("invoiceLineId", "inl_1", "quantity", 0) + "]")), 422,
                        "request.invalid", "lines[0].quantity", "invalid"),
                billing("a credit note line without invoice line", "POST", "invoices/inv_nope/credit-notes",
                        obj("reason", "x", "lines", raw("[" + obj("quantity", 1) + "]")), 422, "request.invalid",
                        "lines[0].invoiceLineId", "required"),
                billing("a credit note for an unknown invoice", "POST", "invoices/inv_nope/credit-notes",
                        obj("reason", "x"), 404, "not_found", null, null),
                billing("an unknown credit note", "GET", "credit-notes/crn_nope", null, 404, "not_found", null, null),
                billing("credit notes with another list's cursor", "GET", "accounts/{account}/credit-notes?after=inv_1",
                        null, 422, "request.invalid", "after", "invalid"),
                billing("an unknown receipt", "GET", "receipts/rct_nope", null, 404, "not_found", null, null),
                billing("receipts of an unknown account", "GET", "accounts/acc_nope/receipts", null, 404, "not_found",
                        null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBilling")
    void billingIsRefused(String name, String method, String path, String body, int status, String code,
                          String field, String fieldCode) {
        ApiResponse response = tenant.api().send(method, path.replace("{account}", account),
                body == null ? null : body.replace("{payer}", payer), Map.of());

        assertProblem(response, status, code);
        if (field != null) {
            var first = response.object().getJsonArray("errors").getJsonObject(0);
            assertEquals(field, first.getString("field"), response::toString);
            assertEquals(fieldCode, first.getString("code"), response::toString);
        }
        assertEquals(billingSettings, tenant.api().get("settings/billing").body());
        assertEquals(0, tenant.api().get("accounts/" + account + "/invoices").items().size());
        assertEquals("10.00", tenant.balance(account));
    }

    private static Arguments billing(String name, String method, String path, String body, int status, String code,
                                     String field, String fieldCode) {
        return Arguments.of(name, method, path, body, status, code, field, fieldCode);
    }

    static String service(Object... overrides) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "VPS srv-42");
        fields.put("price", money("9.00", "EUR"));
        fields.put("period", "P1M");
        fields.put("nextRenewalAt", "2030-01-01T00:00:00Z");
        fields.put("autoRenew", true);
        fields.put("payerId", "{payer}");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                fields.remove((String) overrides[i]);
            } else {
                fields.put((String) overrides[i], overrides[i + 1]);
            }
        }
        Object[] pairs = new Object[fields.size() * 2];
        int n = 0;
        for (var e : fields.entrySet()) {
            pairs[n++] = e.getKey();
            pairs[n++] = e.getValue();
        }
        return obj(pairs);
    }

    Stream<Arguments> badServices() {
        return Stream.of(
                billing("a service without name", "POST", "accounts/{account}/services", service("name", null), 422,
                        "request.invalid", "name", "required"),
                billing("a service without price", "POST", "accounts/{account}/services", service("price", null),
                        422, "request.invalid", "price", "required"),
                billing("a service for nothing", "POST", "accounts/{account}/services", service("price",
                        money("0.00", "EUR")), 422, "request.invalid", "price.amount", "amount.not_positive"),
                billing("a service priced in another currency", "POST", "accounts/{account}/services",
                        service("price", money("9.00", "USD")), 422, "service.currency_mismatch",
                        "price.currency", "currency.mismatch"),
                billing("a weekly service", "POST", "accounts/{account}/services", service("period", "P1W"), 422,
                        "request.invalid", "period", "invalid"),
                billing("a renewal date in words", "POST", "accounts/{account}/services", service("nextRenewalAt",
                        "next month"), 422, "request.invalid", "nextRenewalAt", "invalid"),
                billing("a service without autoRenew", "POST", "accounts/{account}/services", service("autoRenew",
                        null), 422, "request.invalid", "autoRenew", "required"),
                billing("a service without payer", "POST", "accounts/{account}/services", service("payerId", null),
                        422, "request.invalid", "payerId", "required"),
                billing("a service for an unknown payer", "POST", "accounts/{account}/services", service("payerId",
                        "pyr_nope"), 404, "not_found", null, null),
                billing("a service of an unknown tax category", "POST", "accounts/{account}/services",
                        service("taxCategory", "LUXURY"), 422, "request.invalid", "taxCategory", "invalid"),
                billing("a service for an unknown account", "POST", "accounts/acc_nope/services", service(), 404,
                        "not_found", null, null),
                billing("a list of services of a status that is none", "GET",
                        "accounts/{account}/services?status=OPEN", null, 422, "request.invalid", "status", "invalid"),
                billing("a list of services with another list's cursor", "GET",
                        "accounts/{account}/services?after=inv_1", null, 422, "request.invalid", "after", "invalid"),
                billing("an unknown service", "GET", "services/svc_nope", null, 404, "not_found", null, null),
                billing("changing an unknown service", "PATCH", "services/svc_nope", obj("autoRenew", false), 404,
                        "not_found", null, null),
                billing("cancelling some day", "POST", "services/svc_nope/cancel", obj("at", "tomorrow"), 422,
                        "request.invalid", "at", "invalid"),
                billing("cancelling without saying when", "POST", "services/svc_nope/cancel", "{}", 422,
                        "request.invalid", "at", "required"),
                billing("cancelling an unknown service", "POST", "services/svc_nope/cancel", obj("at", "now"), 404,
                        "not_found", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badServices")
    void servicesAreRefused(String name, String method, String path, String body, int status, String code,
                            String field, String fieldCode) {
        ApiResponse response = tenant.api().send(method, path.replace("{account}", account),
                body == null ? null : body.replace("{payer}", payer), Map.of());

        assertProblem(response, status, code);
        if (field != null) {
            var first = response.object().getJsonArray("errors").getJsonObject(0);
            assertEquals(field, first.getString("field"), response::toString);
            assertEquals(fieldCode, first.getString("code"), response::toString);
        }
        assertEquals(0, tenant.api().get("accounts/" + account + "/services").items().size());
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        assertProblem(kassa.anonymous().get("accounts"), 401, "auth.unauthorized");
        assertProblem(tenant.api().as("ksk_wrong").get("accounts"), 401, "auth.unauthorized");
        assertProblem(kassa.anonymous().get("tenants"), 401, "auth.unauthorized");
        assertProblem(kassa.operator().as("nope").get("operator/ledger/verify"), 401, "auth.unauthorized");
        assertProblem(kassa.operator().get("accounts"), 401, "auth.unauthorized");
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsAProblem() {
        assertProblem(tenant.api().send("POST", "refunds/ref_nope/sent", "{}", Map.of("Content-Type", "garbage")),
                400, "request.rejected");
        assertProblem(kassa.operator().send("POST", "operator/exchange-rates", "<a/>", Map.of("Content-Type",
                "garbage")), 400, "request.rejected");
        assertEquals("10.00", tenant.balance(account));
    }

    @Test
    void textInsteadOfJsonIs415() {
        ApiResponse response = tenant.api().send("POST", "accounts/" + account + "/charges", "amount=1",
                Map.of("Content-Type", "text/plain"));
        assertEquals(415, response.status(), response::toString);
        assertEquals("10.00", tenant.balance(account));
    }

    static void assertProblem(ApiResponse response, int status, String code) {
        assertEquals(status, response.status(), response::toString);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(code, response.code(), response::toString);
        assertEquals(status, response.object().getInt("status"));
        assertTrue(response.object().containsKey("title") && response.object().containsKey("type")
                && response.object().containsKey("detail"), response::toString);
        assertFalse(response.body().matches("(?s).*(Exception|\\bat [a-z]+\\.|org\\.|java\\.|SQL|dev\\.kassa).*"),
                response::toString);
    }

    private static Arguments bad(String name, String body, int status, String code) {
        return Arguments.of(name, body, status, code);
    }
}
