package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.KassaException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyReaderTest {
    @Test
    void readsAnObjectAsTheJsonProviderWould() throws IOException {
        JsonObject body = read("{\"amount\": {\"amount\": \"12.50\", \"currency\": \"EUR\"}, \"n\": 5,"
                + " \"ok\": true, \"no\": false, \"none\": null, \"list\": [1, \"a\", [], {}], \"x\": -1.5e3}")
                .asJsonObject();

        assertEquals("12.50", body.getJsonObject("amount").getString("amount"));
        assertEquals(5, body.getInt("n"));
        assertTrue(body.getJsonNumber("n").isIntegral());
        assertTrue(body.getBoolean("ok"));
        assertFalse(body.getBoolean("no"));
        assertTrue(body.isNull("none"));
        assertEquals(4, body.getJsonArray("list").size());
        assertEquals(-1500, body.getJsonNumber("x").doubleValue());
    }

    @Test
    void takesSixtyFourLevelsAndNoMore() throws IOException {
        assertEquals(JsonValue.ValueType.ARRAY, read("[".repeat(64) + "]".repeat(64)).getValueType());
        assertMalformed("[".repeat(65) + "]".repeat(65));
        assertMalformed("{\"a\":".repeat(65) + "1" + "}".repeat(65));
    }

    @Test
    void refusesTwentyThousandOpenBracketsAtTheSixtyFifth() {
        KassaException e = assertMalformed("[".repeat(20_000));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void refusesAStringOrNameLongerThanAnyFieldTakes() throws IOException {
        String most = "x".repeat(JsonBodyReader.MAX_STRING_CHARS);
        assertEquals(most, read("{\"name\": \"" + most + "\"}").asJsonObject().getString("name"));
        assertMalformed("{\"name\": \"" + "x".repeat(100_000) + "\"}");
        assertMalformed("{\"" + "k".repeat(JsonBodyReader.MAX_STRING_CHARS + 1) + "\": 1}");
        assertMalformed("[\"" + "é".repeat(JsonBodyReader.MAX_STRING_CHARS + 1) + "\"]");
    }

    @Test
    void aDataUrlMayHoldAnUploadOf256Kb() throws IOException {
        String logo = "data:image/png;base64," + "A".repeat(JsonBodyReader.MAX_DATA_URL_CHARS - 22);
        assertEquals(logo, read("{\"logo\": \"" + logo + "\"}").asJsonObject().getString("logo"));
        assertMalformed("{\"logo\": \"" + logo + "A\"}");
        assertMalformed("{\"logo\": \"" + "x" + logo + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E1000", "-1e-1000", "1234567890123456789", "0.1234567890123456789",
            "1.0e99999"})
    void refusesNumbersNoFieldTakesBeforeMakingABigDecimal(String number) {
        assertMalformed("{\"markupBasisPoints\": " + number + "}");
    }

    @Test
    void refusesAThousandDigitNumberThatTheProviderAnswered500For() {
        assertMalformed("{\"markupBasisPoints\": 1" + "0".repeat(2000) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678", "0.123456789012345678", "1e999", "-5", "0", "1.5E-3"})
    void takesOrdinaryNumbers(String number) throws IOException {
        assertEquals(JsonValue.ValueType.NUMBER, read("[" + number + "]").asJsonArray().get(0).getValueType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "{", "{\"a\": ", "{\"a\" 1}", "[1,]", "{} {}", "{}x", "nul", "\"abc",
            "{\"a\": \"\\u12\"}", "\u0000", "\uFEFF{}x"})
    void anythingElseIsMalformedNeverAServerFault(String text) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(text));
        assertTrue(e instanceof KassaException k && k.code().equals("request.malformed")
                || e instanceof JsonException, () -> e.getClass() + " " + e.getMessage());
    }

    @Test
    void randomBytesAreMalformedNeverAServerFault() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            try {
                JsonBodyReader.read(new ByteArrayInputStream(bytes), JsonValue.class);
            } catch (KassaException | JsonException expected) {
                // refused as malformed
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("bytes " + java.util.Arrays.toString(bytes) + ": " + e, e);
            }
        }
    }

    @Test
    void readsJsonMediaTypesOnly() {
        assertTrue(JsonBodyReader.isJson(MediaType.APPLICATION_JSON_TYPE));
        assertTrue(JsonBodyReader.isJson(new MediaType("application", "json", "utf-8")));
        assertTrue(JsonBodyReader.isJson(new MediaType("application", "merge-patch+json")));
        assertTrue(JsonBodyReader.isJson(new MediaType("text", "json")));
        assertFalse(JsonBodyReader.isJson(MediaType.TEXT_PLAIN_TYPE));
        assertFalse(JsonBodyReader.isJson(null));
    }

    @Test
    void refusesABodyOfAnotherJsonTypeThanAsked() {
        KassaException e = assertThrows(KassaException.class, () -> JsonBodyReader.read(
                new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)), JsonObject.class));
        assertEquals("request.malformed", e.code());
    }

    private static JsonValue read(String text) throws IOException {
        return JsonBodyReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), JsonValue.class);
    }

    private static KassaException assertMalformed(String text) {
        KassaException e = assertThrows(KassaException.class, () -> read(text));
        assertEquals(400, e.status());
        assertEquals("request.malformed", e.code());
        return e;
    }
}
