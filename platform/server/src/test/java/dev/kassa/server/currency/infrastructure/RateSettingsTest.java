package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateSettingsTest {
    @Test
    void maxAgeDefaultsToFourDays() {
        assertEquals(4, RateSettings.parseMaxAgeDays(Optional.empty()));
    }

    @Test
    void maxAgeIsANumberOfDays() {
        assertEquals(0, RateSettings.parseMaxAgeDays(Optional.of("0")));
        assertEquals(7, RateSettings.parseMaxAgeDays(Optional.of(" 7 ")));
    }

    @Test
    void anUnreadableMaxAgeFallsBackToTheStrictDefault() {
        assertEquals(4, RateSettings.parseMaxAgeDays(Optional.of("-1")));
        assertEquals(4, RateSettings.parseMaxAgeDays(Optional.of("5d")));
        assertEquals(4, RateSettings.parseMaxAgeDays(Optional.of("99999")));
    }

    @Test
    void theFetchUrlMustBeHttpOrHttps() {
        assertEquals(URI.create("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"),
                RateSettings.parseUrl("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"));
        assertEquals(URI.create("http://mirror.internal:8080/ecb.xml"),
                RateSettings.parseUrl("http://mirror.internal:8080/ecb.xml"));
        assertThrows(IllegalArgumentException.class, () -> RateSettings.parseUrl("file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> RateSettings.parseUrl("www.ecb.europa.eu/daily.xml"));
        assertThrows(IllegalArgumentException.class, () -> RateSettings.parseUrl("https://exa mple.com/"));
    }
}
