package dev.kassa.server.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.config.Secrets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    private static final String BODY = "{\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"method\":\"bank_transfer\","
            + "\"tags\":[\"b\",\"a\"]}";

    @Test
    void isAHexSha256() {
        String hash = fingerprint("POST", "/v1/top-ups", null, BODY);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void ignoresKeyOrderAndWhiteSpaceInJson() {
        String reordered = "{\n  \"tags\" : [ \"b\", \"a\" ],\n  \"method\": \"bank_transfer\",\n"
                + "  \"amount\": { \"currency\": \"EUR\", \"amount\": \"12.50\" }\n}\n";
        assertEquals(fingerprint("POST", "/v1/top-ups", null, BODY),
                fingerprint("POST", "/v1/top-ups", null, reordered));
    }

    @Test
    void hashesACanonicalFormOfTheJson() {
        String expected = Secrets.sha256("POST /v1/top-ups?expand=x\n"
                + "{\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"method\":\"bank_transfer\",\"tags\":[\"b\",\"a\"]}");
        assertEquals(expected, fingerprint("POST", "/v1/top-ups", "expand=x",
                "{ \"tags\":[\"b\",\"a\"], \"method\":\"bank_transfer\", \"amount\":{\"currency\":\"EUR\",\"amount\":\"12.50\"} }"));
    }

    @Test
    void arrayOrderMatters() {
        assertNotEquals(fingerprint("POST", "/v1/top-ups", null, "{\"tags\":[\"a\",\"b\"]}"),
                fingerprint("POST", "/v1/top-ups", null, "{\"tags\":[\"b\",\"a\"]}"));
    }

    @Test
    void aDifferentBodyIsADifferentRequest() {
        String base = fingerprint("POST", "/v1/top-ups", null, BODY);
        assertNotEquals(base, fingerprint("POST", "/v1/top-ups", null, BODY.replace("12.50", "12.51")));
        assertNotEquals(base, fingerprint("POST", "/v1/top-ups", null, BODY.replace("\"12.50\"", "12.50")));
        assertNotEquals(base, fingerprint("POST", "/v1/top-ups", null, "{}"));
        assertNotEquals(base, fingerprint("POST", "/v1/top-ups", null, ""));
        assertNotEquals(fingerprint("POST", "/v1/x", null, "{\"a\":null}"), fingerprint("POST", "/v1/x", null, "{}"));
        assertNotEquals(fingerprint("POST", "/v1/x", null, "{\"a\":true}"),
                fingerprint("POST", "/v1/x", null, "{\"a\":\"true\"}"));
    }

    @Test
    void aDifferentPathQueryOrMethodIsADifferentRequest() {
        String base = fingerprint("POST", "/v1/top-ups", null, BODY);
        assertNotEquals(base, fingerprint("POST", "/v1/accounts", null, BODY));
        assertNotEquals(base, fingerprint("PUT", "/v1/top-ups", null, BODY));
        assertNotEquals(base, fingerprint("POST", "/v1/top-ups", "dry_run=true", BODY));
        assertNotEquals(fingerprint("POST", "/v1/top-ups", "a=1", BODY), fingerprint("POST", "/v1/top-ups", "a=2", BODY));
    }

    @Test
    void noQueryAndAnEmptyQueryAreTheSame() {
        assertEquals(fingerprint("POST", "/v1/top-ups", null, BODY), fingerprint("POST", "/v1/top-ups", "", BODY));
    }

    @Test
    void anEmptyBodyIsStable() {
        assertEquals(fingerprint("POST", "/v1/top-ups/tu_1/cancel", null, ""),
                fingerprint("POST", "/v1/top-ups/tu_1/cancel", null, ""));
        assertEquals(Secrets.sha256("POST /v1/top-ups/tu_1/cancel\n"),
                fingerprint("POST", "/v1/top-ups/tu_1/cancel", null, ""));
    }

    @Test
    void comparesNonJsonBodiesByteForByte() {
        String csv = "date,amount\n2026-01-01,12.50\n";
        assertEquals(fingerprint("POST", "/v1/import", null, csv), fingerprint("POST", "/v1/import", null, csv));
        assertNotEquals(fingerprint("POST", "/v1/import", null, csv),
                fingerprint("POST", "/v1/import", null, csv.replace(",", ", ")));
        assertNotEquals(fingerprint("POST", "/v1/import", null, csv),
                fingerprint("POST", "/v1/import", null, csv + "\n"));
        assertEquals(Secrets.sha256("POST /v1/import\n" + csv), fingerprint("POST", "/v1/import", null, csv));
    }

    @Test
    void comparesBrokenJsonByteForByte() {
        String broken = "{\"a\": 1, \"b\": ";
        assertEquals(Secrets.sha256("POST /v1/x\n" + broken), fingerprint("POST", "/v1/x", null, broken));
        assertNotEquals(fingerprint("POST", "/v1/x", null, "{\"a\": 1,"), fingerprint("POST", "/v1/x", null, "{\"a\":1,"));
    }

    @Test
    void comparesBinaryBodiesByteForByte() {
        byte[] a = {(byte) 0xff, 0x00, 0x01};
        byte[] b = {(byte) 0xff, 0x00, 0x02};
        assertEquals(RequestFingerprint.of("PUT", "/v1/logo", null, a.clone()), RequestFingerprint.of("PUT", "/v1/logo", null, a));
        assertNotEquals(RequestFingerprint.of("PUT", "/v1/logo", null, a), RequestFingerprint.of("PUT", "/v1/logo", null, b));
    }

    private static String fingerprint(String method, String path, String query, String body) {
        return RequestFingerprint.of(method, path, query, body.getBytes(StandardCharsets.UTF_8));
    }
}
