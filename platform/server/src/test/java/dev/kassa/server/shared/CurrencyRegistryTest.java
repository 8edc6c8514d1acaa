package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyRegistryTest {
    private final CurrencyRegistry registry = CurrencyRegistry.iso4217();

    @ParameterizedTest
    @CsvSource({"EUR, 2", "JPY, 0", "BHD, 3", "USD, 2", "CHF, 2", "KWD, 3", "CLF, 4", "GBP, 2"})
    void knowsTheMinorUnitsOfActiveCurrencies(String code, int minorUnits) {
        assertEquals(Optional.of(new CurrencyUnit(code, minorUnits)), registry.find(code));
        assertEquals(new CurrencyUnit(code, minorUnits), registry.require(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXY", "DEM", "FRF", "HRK", "VEF", "MRO", "XXX", "XAU", "XDR", "XTS", "eur", "EU", "EURO", ""})
    void leavesOutUnknownWithdrawnAndNonMoneyCodes(String code) {
        assertEquals(Optional.empty(), registry.find(code));
    }

    @Test
    void findsNothingForNull() {
        assertEquals(Optional.empty(), registry.find(null));
    }

    @Test
    void requireRefusesAnUnknownCodeWith422() {
        KassaException e = assertThrows(KassaException.class, () -> registry.require("XXY"));
        assertEquals(422, e.status());
        assertEquals("currency.unknown", e.code());
        assertEquals("'XXY' is not an active ISO 4217 currency code.", e.getMessage());
    }

    @Test
    void requireRefusesAWithdrawnCode() {
        KassaException e = assertThrows(KassaException.class, () -> registry.require("DEM"));
        assertEquals(422, e.status());
        assertEquals("currency.unknown", e.code());
    }

    @Test
    void agreesWithTheJdkOnMinorUnits() {
        // Plugins get amounts in ISO minor units and read them with java.util.Currency (see Amount in
        // the plugin API): both tables must count alike, or a plugin would convert 5,000 ISK wrongly.
        int compared = 0;
        for (java.util.Currency jdk : java.util.Currency.getAvailableCurrencies()) {
            Optional<CurrencyUnit> ours = registry.find(jdk.getCurrencyCode());
            if (ours.isPresent()) {
                assertEquals(jdk.getDefaultFractionDigits(), ours.get().minorUnits(), jdk.getCurrencyCode());
                compared++;
            }
        }
        assertTrue(compared >= registry.size() - 2, "all but XAD and UYW, which JDK 17 does not know: " + compared);
    }

    @Test
    void holdsEachActiveCodeOnce() {
        // The shipped list (see currency/NOTICE.md) has 165 distinct active codes with minor units; a code
        // used by many countries (EUR) is still one entry.
        assertEquals(165, registry.size());
    }
}
