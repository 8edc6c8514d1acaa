package dev.kassa.server.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VatIdFormatTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DE, DE123456789",
            "FR, FRXX123456789",
            "FR, FR12345678901",
            "FR, FRA1123456789",
            "NL, NL123456789B01",
            "GR, EL123456789",
            "AT, ATU12345678",
            "CH, CHE123456789",
            "CH, CHE123456789MWST",
            "CH, CHE123456789TVA",
            "CH, CHE123456789IVA",
            "GB, GB123456789",
            "GB, GB123456789012",
            "GB, GBGD001",
            "GB, GBHA500",
            "BE, BE0123456789",
            "ES, ESX1234567X",
            "IE, IE1234567WA",
            "SE, SE123456789001",
            "NO, NO123456789MVA",
            "LT, LT123456789012",
    })
    void acceptsTheCountrysShape(String country, String vatId) {
        assertTrue(VatIdFormat.matches(country, vatId), vatId);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DE, DE12345678",
            "DE, DE1234567890",
            "DE, FR123456789",
            "DE, 123456789",
            "DE, DE12345678X",
            "FR, FRIO123456789",
            "FR, FRXX12345678",
            "NL, NL123456789A01",
            "NL, NL123456789B1",
            "GR, GR123456789",
            "AT, AT12345678",
            "AT, ATU1234567",
            "CH, CH123456789",
            "CH, CHE12345678",
            "CH, CHE123456789VAT",
            "GB, GB12345678",
            "GB, GBGD500",
            "GB, GBHA499",
            "BE, BE2123456789",
            "SE, SE123456789002",
    })
    void refusesOtherShapes(String country, String vatId) {
        assertFalse(VatIdFormat.matches(country, vatId), vatId);
    }

    @Test
    void expectsTheNormalisedForm() {
        assertFalse(VatIdFormat.matches("DE", "de123456789"));
        assertFalse(VatIdFormat.matches("DE", "DE 123 456 789"));
    }

    @Test
    void countriesWithoutAKnownFormatAcceptTwoToFifteenLettersAndDigits() {
        assertTrue(VatIdFormat.matches("US", "12"));
        assertTrue(VatIdFormat.matches("US", "123456789ABCDEF"));
        assertFalse(VatIdFormat.matches("US", "1"));
        assertFalse(VatIdFormat.matches("US", "123456789ABCDEF0"));
        assertFalse(VatIdFormat.matches("US", "12-34"));
    }

    @Test
    void normaliseStripsSpacesDotsAndDashesAndUpperCases() {
        assertEquals("DE123456789", VatIdFormat.normalise("de 123 456 789"));
        assertEquals("CHE123456789MWST", VatIdFormat.normalise("CHE-123.456.789 MWST"));
        assertEquals("NL123456789B01", VatIdFormat.normalise("nl.123-456\t789.b01"));
        assertEquals("ATU12345678", VatIdFormat.normalise(" atu12345678 "));
    }

    @Test
    void normalisedInputMatches() {
        assertTrue(VatIdFormat.matches("CH", VatIdFormat.normalise("CHE-123.456.789 MWST")));
        assertTrue(VatIdFormat.matches("GR", VatIdFormat.normalise("el 123 456 789")));
    }
}
