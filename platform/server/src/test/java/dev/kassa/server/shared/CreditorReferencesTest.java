package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditorReferencesTest {
    @Test
    void theStandardsExampleChecks() {
        // ISO 11649's own example: RF18 5390 0754 7034
        assertEquals(Optional.of("539007547034"), CreditorReferences.body("RF18 5390 0754 7034"));
        assertEquals("RF18539007547034", CreditorReferences.of("539007547034"));
        assertEquals(Optional.of("000000000000000000552"), CreditorReferences.body("RF38000000000000000000552"),
                "the RF reference of the camt.053.001.08 fixture");
    }

    @Test
    void aTopUpReferenceRoundTripsWhateverTheBankDoesToTheSpacing() {
        String rf = CreditorReferences.of("TU7K2M9QXD");
        assertTrue(rf.startsWith("RF"));
        assertEquals(Optional.of("TU7K2M9QXD"), CreditorReferences.body(rf));
        assertEquals(Optional.of("TU7K2M9QXD"), CreditorReferences.body(CreditorReferences.printed(rf).toLowerCase()));
        assertEquals(Optional.of("TU7K2M9QXD"), CreditorReferences.body(" " + rf.substring(0, 6) + "-" + rf.substring(6)));
    }

    @Test
    void aWrongCheckDigitOrShapeIsNoReference() {
        String rf = CreditorReferences.of("TU7K2M9QXD");
        String wrong = "RF" + (rf.charAt(2) == '9' ? '1' : (char) (rf.charAt(2) + 1)) + rf.substring(3);
        assertEquals(Optional.empty(), CreditorReferences.body(wrong));
        assertEquals(Optional.empty(), CreditorReferences.body("RF18TU7K2M9QXY"));
        assertEquals(Optional.empty(), CreditorReferences.body("TU7K2M9QXD"));
        assertEquals(Optional.empty(), CreditorReferences.body(null));
        assertEquals(Optional.empty(), CreditorReferences.body("RF1853900754703453900754703453900"));
        assertEquals(Optional.empty(), CreditorReferences.forReference("T-ABCD-1234"), "not letters and digits only");
    }
}
