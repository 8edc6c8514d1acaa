package dev.kassa.plugin.ecb;

import static dev.kassa.plugin.ecb.EcbRateSourceTest.day;
import static dev.kassa.plugin.ecb.EcbRateSourceTest.envelope;
import static dev.kassa.plugin.ecb.EcbRateSourceTest.rate;
import static dev.kassa.plugin.ecb.EcbRateSourceTest.stream;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcbMalformedDocumentTest {
    private final EcbRateSource source = new EcbRateSource();

    static Stream<Arguments> malformed() {
        String usd = rate("USD", "1.1097");
        return Stream.of(
                Arguments.of("empty input", "", "not well-formed"),
                Arguments.of("not XML", "USD 1.1097", "not well-formed"),
                Arguments.of("an HTML error page", "<html><body>502 Bad Gateway</body></html>", "no <Cube"),
                Arguments.of("cut off", envelope(day("2025-04-03", usd)).substring(0, 200), "not well-formed"),
                Arguments.of("no dated cube", envelope(""), "no <Cube"),
                Arguments.of("a day without currencies", envelope(day("2025-04-03")), "no currency rates on 2025-04-03"),
                Arguments.of("a rate outside a day", envelope(usd), "outside"),
                Arguments.of("an impossible date", envelope(day("2025-02-30", usd)), "2025-02-30"),
                Arguments.of("a date the other way round", envelope(day("03.04.2025", usd)), "03.04.2025"),
                Arguments.of("an empty date", envelope(day("", usd)), "time=\"\""),
                Arguments.of("a word for a rate", envelope(day("2025-04-03", rate("USD", "abc"))), "abc"),
                Arguments.of("an empty rate", envelope(day("2025-04-03", rate("USD", ""))), "rate=\"\""),
                Arguments.of("a decimal comma", envelope(day("2025-04-03", rate("USD", "1,1097"))), "1,1097"),
                Arguments.of("an exponent", envelope(day("2025-04-03", rate("USD", "1.1E2"))), "1.1E2"),
                Arguments.of("NaN", envelope(day("2025-04-03", rate("USD", "NaN"))), "NaN"),
                Arguments.of("a zero rate", envelope(day("2025-04-03", rate("USD", "0.0000"))), "not positive"),
                Arguments.of("a negative rate", envelope(day("2025-04-03", rate("USD", "-1.1097"))), "not positive"),
                Arguments.of("a missing rate", envelope(day("2025-04-03", "<Cube currency='USD'/>")), "has no rate"),
                Arguments.of("a missing currency", envelope(day("2025-04-03", "<Cube rate='1.1'/>")), "currency"),
                Arguments.of("a lower-case code", envelope(day("2025-04-03", rate("usd", "1.1"))), "usd"),
                Arguments.of("a two-letter code", envelope(day("2025-04-03", rate("US", "1.1"))), "US"),
                Arguments.of("the euro against itself", envelope(day("2025-04-03", rate("EUR", "1.1"))), "EUR"),
                Arguments.of("a currency twice", envelope(day("2025-04-03", usd, rate("USD", "1.2"))), "USD appears twice"),
                Arguments.of("a day twice", envelope(day("2025-04-03", usd) + day("2025-04-03", usd)), "2025-04-03 appears twice"),
                Arguments.of("nested days", envelope(day("2025-04-03", day("2025-04-02", usd))), "nested"));
    }

    @Test
    void bytesThatAreNotUtf8AreAMalformedDocumentNotAReadFailure() {
        byte[] xml = {'<', 'a', '>', (byte) 0xC3, 0x28, '<', '/', 'a', '>'};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> source.parse(new ByteArrayInputStream(xml)));

        assertTrue(e.getMessage().startsWith("ECB rates: not well-formed"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesWithAMessageThatSaysWhatIsWrong(String what, String xml, String saying) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.parse(stream(xml)));

        assertTrue(e.getMessage().startsWith("ECB rates"), e.getMessage());
        assertTrue(e.getMessage().contains(saying), () -> "expected '" + saying + "' in: " + e.getMessage());
    }
}
