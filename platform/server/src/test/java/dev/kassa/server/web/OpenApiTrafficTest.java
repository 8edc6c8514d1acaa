package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.OpenApiTraffic;
import dev.kassa.testkit.OpenApiTraffic.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the integration tests' client holds each exchange to, tried on the real document with
 * answers made by hand: what fits passes, and each way of not fitting is caught and named.
 */
class OpenApiTrafficTest {
    private static final String ACCOUNT = "{\"id\": \"acc_01M8450BKW5HK0ZJ8NNZBMD6MY\", \"reference\": \"ACBAWADZEH\","
            + " \"email\": \"ada@example.com\", \"name\": \"Ada\", \"country\": \"DE\", \"locale\": \"en\","
            + " \"currency\": \"EUR\", \"balance\": {\"amount\": \"0.00\", \"currency\": \"EUR\"},"
            + " \"displayBalance\": null, \"createdAt\": \"2026-11-23T12:10:02.237644Z\"}";
    private static final String CREATE = "{\"email\": \"ada@example.com\", \"name\": \"Ada\", \"country\": \"DE\"}";
    private static OpenApiTraffic document;

    @BeforeAll
    static void theDocument() throws IOException {
        document = OpenApiTraffic.of(OpenApiDocumentTest.document());
    }

    private static Exchange exchange(String method, String path, String request, int status, String type, String body) {
        return new Exchange(method, path, request == null ? null : "application/json",
                request == null ? null : request.getBytes(StandardCharsets.UTF_8), status, type, body);
    }

    private static String problem(int status, String code) {
        return "{\"type\": \"https://kassa.dev/problems/x\", \"title\": \"T\", \"status\": " + status
                + ", \"detail\": \"D\", \"code\": \"" + code + "\"}";
    }

    @Test
    void anExchangeThatFitsPasses() {
        assertEquals(List.of(), document.violations(exchange("POST", "/api/v1/accounts", CREATE, 201,
                "application/json", ACCOUNT)));
        assertEquals(List.of(), document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 200,
                "application/json", ACCOUNT)));
        assertEquals(List.of(), document.violations(exchange("POST", "/api/v1/accounts/acc_x/charges", "{}", 409,
                "application/problem+json", problem(409, "balance.insufficient"))));
        assertEquals(List.of(), document.violations(exchange("DELETE", "/api/v1/saved-methods/spm_x", null, 204,
                "", "")));
        assertEquals(List.of(), document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 404,
                "application/problem+json", problem(404, "not_found"))), "a shared answer, by reference");
    }

    @Test
    void aMemberTheDocumentDoesNotNameFails() {
        List<String> found = document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 200,
                "application/json", ACCOUNT.replace("{\"id\"", "{\"secret\": 1, \"id\"")));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("getAccount") && found.get(0).contains("secret"), found.get(0));
    }

    @Test
    void aMissingOrMistypedMemberFails() {
        assertEquals(1, document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 200, "application/json",
                ACCOUNT.replace("\"displayBalance\": null, ", ""))).size());
        assertEquals(1, document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 200, "application/json",
                ACCOUNT.replace("\"0.00\"", "0"))).size());
    }

    @Test
    void aStatusTheOperationDoesNotListFails() {
        List<String> found = document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 402,
                "application/problem+json", problem(402, "not_found")));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("status 402 is not documented"), found.get(0));
    }

    @Test
    void aProblemCodeTheOperationDoesNotListFails() {
        List<String> found = document.violations(exchange("GET", "/api/v1/accounts/acc_x", null, 404,
                "application/problem+json", problem(404, "rates.unavailable")));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("does not fit its schema") && found.get(0).contains("rates.unavailable"),
                found.get(0));
    }

    @Test
    void aRequestTheServerAcceptedMustFitButARefusedOneNeedNot() {
        String bad = "{\"email\": 5, \"name\": \"Ada\", \"country\": \"DE\"}";
        List<String> found = document.violations(exchange("POST", "/api/v1/accounts", bad, 201, "application/json",
                ACCOUNT));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("accepted a request"), found.get(0));
        assertEquals(List.of(), document.violations(exchange("POST", "/api/v1/accounts", bad, 422,
                "application/problem+json", problem(422, "request.invalid"))));
    }

    @Test
    void anAcceptedRequestIsReadAsTheServerReadsIt() {
        String unusual = "\ufeff{\"\\ud800\": 1, \"email\": \"ada@example.com\", \"name\": \"Ada\", \"country\": \"DE\"}";
        assertEquals(List.of(), document.violations(exchange("POST", "/api/v1/accounts", unusual, 201,
                "application/json", ACCOUNT)), "a byte order mark, and a member it ignores named by a lone surrogate");
    }

    @Test
    void anAnswerToAnUndocumentedOperationFailsUnlessItIsARefusal() {
        assertEquals(List.of(), document.violations(exchange("GET", "/api/v1/nothing-here", null, 404,
                "application/problem+json", problem(404, "not_found"))));
        assertEquals(1, document.violations(exchange("GET", "/api/v1/nothing-here", null, 200,
                "application/json", "{}")).size());
    }

    @Test
    void pathsOutsideTheDocumentAreNotItsBusiness() {
        assertEquals(List.of(), document.violations(exchange("GET", "/health/ready", null, 200, "application/json",
                "{\"status\": \"UP\"}")));
    }

    @Test
    void checkThrowsAnAssertionErrorNamingTheOperation() {
        AssertionError error = assertThrows(AssertionError.class, () -> document.check(exchange("GET",
                "/api/v1/accounts/acc_x", null, 402, "application/problem+json", problem(402, "not_found"))));
        assertTrue(error.getMessage().contains("getAccount (GET /api/v1/accounts/{accountId})"), error.getMessage());
    }
}
