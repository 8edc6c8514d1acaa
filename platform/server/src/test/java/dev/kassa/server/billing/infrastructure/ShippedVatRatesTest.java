package dev.kassa.server.billing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.billing.domain.EuMemberStates;
import dev.kassa.server.billing.domain.VatRateTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedVatRatesTest {
    private final VatRateTable table = new ShippedVatRates().table();

    private BigDecimal standard(String country, String date) {
        return table.standardRate(country, LocalDate.parse(date)).orElseThrow().percent();
    }

    @Test
    void everyMemberStateHasAStandardRate() {
        for (String country : List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")) {
            assertTrue(EuMemberStates.contains(country), country);
            assertTrue(standard(country, "2026-01-01").signum() > 0, country);
        }
    }

    @Test
    void ratesAreDateEffective() {
        assertEquals(new BigDecimal("20"), standard("FR", "2026-01-01"));
        assertEquals(new BigDecimal("19.6"), standard("FR", "2013-12-31"));
        assertEquals(new BigDecimal("24"), standard("FI", "2024-08-31"));
        assertEquals(new BigDecimal("25.5"), standard("FI", "2024-09-01"));
        assertEquals("2024-09-01", table.standardRate("FI", LocalDate.parse("2025-01-01")).orElseThrow()
                .effectiveFrom());
    }

    @Test
    void greeceIsKeyedGrAndGreatBritainIsNoMemberState() {
        assertEquals(new BigDecimal("24"), standard("GR", "2026-01-01"));
        assertEquals("EL", EuMemberStates.vatPrefix("GR"));
        assertTrue(table.holds("GB"), "the file has GB");
        assertTrue(!EuMemberStates.contains("GB"), "but it is not in the EU");
    }
}
