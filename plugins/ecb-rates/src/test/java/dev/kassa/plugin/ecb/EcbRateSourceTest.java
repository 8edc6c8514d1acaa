package dev.kassa.plugin.ecb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateTable;
import dev.kassa.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcbRateSourceTest {
    private final EcbRateSource source = new EcbRateSource();

    @Test
    void identifiesItselfAndPointsAtTheDailyFile() {
        assertEquals("ecb", source.id());
        assertEquals(Optional.of(URI.create("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml")),
                source.defaultUrl());
    }

    @Test
    void readsTheDailyFileWithRatesExactlyAsPublished() throws IOException {
        List<RateTable> tables = parse("eurofxref-daily_2025-04-03.xml");

        assertEquals(1, tables.size());
        RateTable day = tables.get(0);
        assertEquals("ecb", day.source());
        assertEquals(LocalDate.of(2025, 4, 3), day.date());
        assertEquals(30, day.perEuro().size());
        // equals, not compareTo: the scale as published is kept ("4.1960", not 4.196)
        assertEquals(new BigDecimal("1.1097"), day.perEuro().get("USD"));
        assertEquals(new BigDecimal("162.17"), day.perEuro().get("JPY"));
        assertEquals(new BigDecimal("0.84163"), day.perEuro().get("GBP"));
        assertEquals(new BigDecimal("4.1960"), day.perEuro().get("PLN"));
        assertEquals(new BigDecimal("18547.91"), day.perEuro().get("IDR"));
        assertFalse(day.perEuro().containsKey("EUR"));
        assertEquals(Optional.of(BigDecimal.ONE), day.rate("EUR"));
    }

    @Test
    void readsTheNinetyDayHistoryOldestFirst() throws IOException {
        List<RateTable> tables = parse("eurofxref-hist-90d_2025-04-04.xml");

        assertEquals(65, tables.size());
        assertEquals(LocalDate.of(2025, 1, 6), tables.get(0).date());
        assertEquals(LocalDate.of(2025, 4, 4), tables.get(64).date());
        for (int i = 1; i < tables.size(); i++) {
            assertTrue(tables.get(i - 1).date().isBefore(tables.get(i).date()), "ascending at " + i);
        }
        assertTrue(tables.stream().allMatch(t -> t.perEuro().size() == 30));
        assertEquals(new BigDecimal("1.1057"), tables.get(64).perEuro().get("USD"));
        assertEquals(new BigDecimal("1.0426"), tables.get(0).perEuro().get("USD"));
    }

    @Test
    void theHistoryAgreesWithTheDailyFileOnTheSameDay() throws IOException {
        RateTable daily = parse("eurofxref-daily_2025-04-03.xml").get(0);
        RateTable fromHistory = parse("eurofxref-hist-90d_2025-04-04.xml").stream()
                .filter(t -> t.date().equals(daily.date())).findFirst().orElseThrow();

        assertEquals(daily.perEuro().keySet(), fromHistory.perEuro().keySet());
        daily.perEuro().forEach((code, rate) ->
                assertEquals(0, rate.compareTo(fromHistory.perEuro().get(code)), code));
        // the history file drops trailing zeros; the daily file keeps them
        assertEquals("4.196", fromHistory.perEuro().get("PLN").toPlainString());
    }

    @Test
    void readsAnyPrefixAndEncodingDeclaration() {
        String xml = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                + "<e:Envelope xmlns:e='http://www.gesmes.org/xml/2002-08-01'"
                + " xmlns:x='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'>"
                + "<!-- a comment --><x:Cube><x:Cube time='2025-04-03'>"
                + "<x:Cube currency='USD' rate='1.1097'/></x:Cube></x:Cube></e:Envelope>";

        RateTable only = source.parse(stream(xml)).get(0);

        assertEquals(LocalDate.of(2025, 4, 3), only.date());
        assertEquals(new BigDecimal("1.1097"), only.perEuro().get("USD"));
    }

    @Test
    void leavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(envelope(day("2025-04-03", rate("USD", "1.1"))).getBytes(
                StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        source.parse(in);

        assertFalse(closed[0]);
    }

    @Test
    void reportsAStreamThatFailsAsAnIoError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThrows(UncheckedIOException.class, () -> source.parse(broken));
    }

    static String envelope(String cubes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\""
                + " xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n"
                + "<gesmes:subject>Reference rates</gesmes:subject>\n<Cube>\n" + cubes + "\n</Cube>\n"
                + "</gesmes:Envelope>\n";
    }

    static String day(String time, String... rates) {
        return "<Cube time='" + time + "'>" + String.join("", rates) + "</Cube>";
    }

    static String rate(String currency, String rate) {
        return "<Cube currency='" + currency + "' rate='" + rate + "'/>";
    }

    static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private List<RateTable> parse(String ecbFile) throws IOException {
        try (InputStream in = Fixtures.open("ecb/" + ecbFile)) {
            return source.parse(in);
        }
    }
}
