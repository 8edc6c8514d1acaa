package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencesTest {
    @Test
    void nextIsTheKindAndEightCrockfordCharacters() {
        for (int i = 0; i < 1000; i++) {
            String topUp = References.next(References.TOP_UP);
            String account = References.next(References.ACCOUNT);
            assertTrue(topUp.matches("TU[0-9A-HJKMNP-TV-Z]{8}"), topUp);
            assertTrue(account.matches("AC[0-9A-HJKMNP-TV-Z]{8}"), account);
        }
    }

    @Test
    void nextIsFoundAgainInTheTextOfATransfer() {
        for (int i = 0; i < 1000; i++) {
            String reference = References.next(References.TOP_UP);
            assertEquals(Set.of(reference), References.candidates("Payment " + reference.toLowerCase() + " thank you"));
        }
    }

    @Test
    void nextRarelyRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(References.next(References.ACCOUNT));
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void findsACodeInsideFreeText() {
        assertEquals(List.of("TU7K2M9QXD"), List.copyOf(References.candidates("Invoice TU7K2M9QXD thanks")));
    }

    @Test
    void forgivesLowerCase() {
        assertEquals(List.of("TU7K2M9QXD"), List.copyOf(References.candidates("invoice tu7k2m9qxd thanks")));
    }

    @Test
    void forgivesDashesAndSpaces() {
        assertEquals(List.of("TU7K2M9QXD"), List.copyOf(References.candidates("tu-7k2m-9qxd")));
        assertEquals(List.of("TU7K2M9QXD"), List.copyOf(References.candidates("Ref: TU 7K2M 9QXD")));
        assertEquals(List.of("AC7K2M9QXD"), List.copyOf(References.candidates("ac.7k2m.9qxd")));
    }

    @Test
    void fixesLookAlikesInTheCodePart() {
        assertEquals(List.of("TU0K2M9QXD"), List.copyOf(References.candidates("TUOK2M9QXD")));
        assertEquals(List.of("TU1K2M9QX1"), List.copyOf(References.candidates("TUIK2M9QXL")));
        assertEquals(List.of("TU101K2M9Q"), List.copyOf(References.candidates("tu-lo1k-2m9q")));
    }

    @Test
    void anInvoiceReferenceSplitByABankKeepsItsKind() {
        // The kind IV has a look-alike letter: words before it must not turn it into "1V".
        assertEquals(List.of("IV7K2M9QXD"), List.copyOf(References.candidates("Payment for iv-7k2m-9qxd")));
        assertEquals(List.of("IV7K2M9QXD"), List.copyOf(References.candidates("Invoice IV7K2M 9QXD")));
    }

    @Test
    void keepsTheKindAsWritten() {
        // "T0" is not "TO": the kind must be spelled with letters.
        assertEquals(Set.of(), References.candidates("T07K2M9QXD"));
        assertEquals(Set.of(), References.candidates("AO7K2M9QXD"));
    }

    @Test
    void listsEveryCodeInOrderOfAppearance() {
        assertEquals(List.of("AC7K2M9QXD", "TU1234ABCD"),
                List.copyOf(References.candidates("account AC7K2M9QXD top-up TU1234ABCD")));
    }

    @Test
    void listsCodesStandingAsOneWordBeforeCodesSplitBySeparators() {
        assertEquals(List.of("TU1234ABCD", "TU7K2M9QXD"),
                List.copyOf(References.candidates("tu-7k2m-9qxd then TU1234ABCD")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Invoice 2024-001 thanks", "TU7K2M9QX", "XY7K2M9QXD", "TU7K2M9QU", "TUUUUUUUUU",
            "tu 7k2m9q", "Rent for March"})
    void ignoresTextWithoutACode(String text) {
        assertEquals(Set.of(), References.candidates(text));
    }

    @Test
    void ignoresNull() {
        assertEquals(Set.of(), References.candidates(null));
    }
}
