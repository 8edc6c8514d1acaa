package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tenant B can neither see nor change anything of tenant A: every resource, every verb. */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    private Kassa.Tenant a;
    private Kassa.Tenant b;
    private String account;
    private String payer;
    private String topUp;
    private String transfer;

    @BeforeAll
    void tenantAHasOneOfEverything(Kassa kassa) {
        a = kassa.newTenant();
        b = kassa.newTenant();
        account = a.newAccount();
        a.fund(account, "50.00");
        payer = a.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "P", "country", "DE"))
                .string("id");
        topUp = a.api().post("accounts/" + account + "/top-ups", obj("amount", money("20.00", "EUR"),
                "payerId", payer, "method", "bank-transfer")).string("id");
        transfer = a.api().post("bank-transfers", obj("bankTransactionId", "unknown-1", "reference", "nothing",
                "amount", money("5.00", "EUR"))).string("id");
    }

    Stream<Arguments> tenantBTouchingTenantA() {
        return Stream.of(
                call("GET account", api -> api.get("accounts/" + account)),
                call("GET payers", api -> api.get("accounts/" + account + "/payers")),
                call("POST payer", api -> api.post("accounts/" + account + "/payers",
                        obj("type", "PERSON", "name", "X", "country", "DE"))),
                call("GET top-up options", api -> api.get("accounts/" + account + "/top-up-options")),
                call("POST top-up", api -> api.post("accounts/" + account + "/top-ups",
                        obj("amount", money("20.00", "EUR"), "method", "bank-transfer"))),
                call("GET top-ups of account", api -> api.get("accounts/" + account + "/top-ups")),
                call("GET top-up", api -> api.get("top-ups/" + topUp)),
                call("POST cancel top-up", api -> api.post("top-ups/" + topUp + "/cancel", null)),
                call("POST charge", api -> api.post("accounts/" + account + "/charges",
                        obj("amount", money("1.00", "EUR"), "description", "steal"))),
                call("POST adjustment", api -> api.post("accounts/" + account + "/adjustments",
                        obj("amount", money("1.00", "EUR"), "direction", "DEBIT", "reason", "steal"))),
                call("GET transactions", api -> api.get("accounts/" + account + "/transactions")),
                call("GET bank transfer", api -> api.get("bank-transfers/" + transfer)),
                call("POST assign A's transfer", api -> api.post("bank-transfers/" + transfer + "/assign",
                        obj("accountId", b.newAccount()))),
                call("POST assign B's transfer to A's account", api -> api.post("bank-transfers/"
                        + b.api().post("bank-transfers", obj("bankTransactionId", "b-" + System.nanoTime(),
                                "reference", "none", "amount", money("1.00", "EUR"))).string("id")
                        + "/assign", obj("accountId", account))),
                call("POST top-up with A's payer", api -> api.post("accounts/" + b.newAccount() + "/top-ups",
                        obj("amount", money("20.00", "EUR"), "payerId", payer, "method", "bank-transfer"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantBTouchingTenantA")
    void isNotFound(String name, Function<ApiClient, ApiResponse> call) {
        ApiResponse response = call.apply(b.api());

        assertEquals(404, response.status(), response::toString);
        assertEquals("not_found", response.code());
        assertEquals("50.00", a.balance(account));
        assertEquals("NEW", a.api().get("top-ups/" + topUp).string("status"));
        assertEquals("UNMATCHED", a.api().get("bank-transfers/" + transfer).string("status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsOfTenantB")
    void listsShowNothingOfTenantA(String name, String path) {
        ApiResponse list = b.api().get(path);

        assertEquals(200, list.status());
        assertFalse(list.body().contains(account) || list.body().contains(topUp) || list.body().contains(transfer)
                || list.body().contains(payer), list::toString);
    }

    Stream<Arguments> listsOfTenantB() {
        return Stream.of(Arguments.of("accounts", "accounts"),
                Arguments.of("bank transfers", "bank-transfers"),
                Arguments.of("unmatched bank transfers", "bank-transfers?status=UNMATCHED"),
                Arguments.of("tenant", "tenant"),
                Arguments.of("payment methods", "payment-methods"),
                Arguments.of("ledger verify", "ledger/verify"));
    }

    @org.junit.jupiter.api.Test
    void tenantBsLedgerCountsNothingOfTenantA() {
        ApiResponse verify = b.api().get("ledger/verify");
        assertEquals(0, verify.object().getInt("entries"), verify::toString);
    }

    @org.junit.jupiter.api.Test
    void aTenantKeyCannotActAsOperator() {
        ApiResponse response = a.api().get("tenants");
        assertEquals(401, response.status());
        assertEquals("auth.unauthorized", response.code());
    }

    private static Arguments call(String name, Function<ApiClient, ApiResponse> call) {
        return Arguments.of(name, call);
    }
}
