package dev.kassa.server.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankDetailsTest {
    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300",
            "FR1420041010050500013M02606", "CH9300762011623852957", "NO9386011117947", "BE68539007547034"})
    void acceptsIbansWithValidCheckDigits(String iban) {
        assertTrue(BankDetails.isValidIban(iban), iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88370400440532013000", "DE89370400440532013001", "GB83WEST12345698765432",
            "GB82WEST12345698765433", "NL91ABNA0417164301"})
    void refusesIbansWithWrongCheckDigits(String iban) {
        assertFalse(BankDetails.isValidIban(iban), iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DE89", "DE8937040044", "de89370400440532013000", "DE89 3704 0044 0532 0130 00",
            "1289370400440532013000", "DEAB370400440532013000", "DE89370400440532013000-",
            "DE8937040044053201300000000000000000"})
    void refusesWhatIsNotShapedLikeAnIban(String iban) {
        assertFalse(BankDetails.isValidIban(iban), iban);
    }

    @Test
    void ofNormalisesSpacesAndCase() {
        List<FieldError> errors = new ArrayList<>();
        BankDetails details = BankDetails.of("Kassa GmbH", "de89 3704 0044 0532 0130 00", "cobadeffxxx",
                "Commerzbank", errors);
        assertEquals(List.of(), errors);
        assertEquals(new BankDetails("Kassa GmbH", "DE89370400440532013000", "COBADEFFXXX", "Commerzbank"), details);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEFF", "COBADEFFXXX", "DEUTDEFF500", "NWBKGB2L", "BNPAFRPP"})
    void acceptsBicsOfEightOrElevenCharacters(String bic) {
        List<FieldError> errors = new ArrayList<>();
        BankDetails.of(null, null, bic, null, errors);
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEF", "COBADEFFX", "COBADEFFXX", "COBADEFFXXXX", "C0BADEFF", "COBA1EFF", "COBADE-F"})
    void refusesOtherBicShapes(String bic) {
        List<FieldError> errors = new ArrayList<>();
        BankDetails.of(null, null, bic, null, errors);
        assertEquals(List.of(new FieldError("bic", "bic.invalid", "is not a valid BIC")), errors);
    }

    @Test
    void ofReportsBothBadIbanAndBadBic() {
        List<FieldError> errors = new ArrayList<>();
        BankDetails details = BankDetails.of("X", "DE88370400440532013000", "NOPE", null, errors);
        assertEquals(List.of(new FieldError("iban", "iban.invalid", "is not a valid IBAN"),
                new FieldError("bic", "bic.invalid", "is not a valid BIC")), errors);
        assertEquals("DE88370400440532013000", details.iban());
    }

    @Test
    void roundTripsThroughJson() {
        BankDetails details = new BankDetails("Kassa \"Test\" GmbH", "DE89370400440532013000", "COBADEFFXXX",
                "Commerzbank Köln");
        assertEquals(details, BankDetails.fromJson(details.toJson()));
    }

    @Test
    void leavesMissingFieldsOutOfTheJson() {
        BankDetails details = new BankDetails(null, "DE89370400440532013000", null, null);
        assertEquals("{\"iban\":\"DE89370400440532013000\"}", details.toJson());
        assertEquals(details, BankDetails.fromJson(details.toJson()));
        assertEquals("{}", BankDetails.NONE.toJson());
        assertEquals(BankDetails.NONE, BankDetails.fromJson("{}"));
    }

    @Test
    void readsNoDetailsFromNothing() {
        assertSame(BankDetails.NONE, BankDetails.fromJson(null));
        assertSame(BankDetails.NONE, BankDetails.fromJson("  "));
    }
}
