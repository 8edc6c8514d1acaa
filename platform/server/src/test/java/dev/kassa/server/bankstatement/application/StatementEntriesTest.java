package dev.kassa.server.bankstatement.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.statement.StatementEntry;
import dev.kassa.server.shared.CreditorReferences;
import dev.kassa.server.shared.References;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatementEntriesTest {
    private static StatementEntry entry(String creditorReference, String remittance, String endToEnd) {
        return new StatementEntry("DE89370400440532013000", "B1", new BigDecimal("10.00"), "EUR", true, false,
                LocalDate.of(2026, 12, 1), creditorReference, endToEnd, remittance, "Payer");
    }

    @Test
    void aValidRfReferenceComesFirstSoItWinsAmongEquals() {
        String rf = CreditorReferences.of("TU7K2M9QXD");
        String reference = StatementEntries.reference(entry(rf, "TU9999999Z invoice", null));
        assertEquals("TU7K2M9QXD", References.candidates(reference).iterator().next());
    }

    @Test
    void anRfReferenceInTheFreeTextCountsToo() {
        String printed = CreditorReferences.printed(CreditorReferences.of("AC7K2M9QXD"));
        String reference = StatementEntries.reference(entry(null, "payment " + printed + " thanks", null));
        assertTrue(reference.startsWith("AC7K2M9QXD "), reference);
    }

    @Test
    void anInvalidRfIsKeptAsTextAndTheRemittanceStillMatches() {
        String reference = StatementEntries.reference(entry("RF00XYZ", "order tu-7k2m 9qxd", "E2E-1"));
        assertTrue(References.candidates(reference).contains("TU7K2M9QXD"), reference);
    }

    @Test
    void aLongTextKeepsItsReferenceCodes() {
        String reference = StatementEntries.reference(entry(null, "x".repeat(300) + " TU7K2M9QXD", null));
        assertEquals("TU7K2M9QXD", reference);
    }

    @Test
    void theBankTransactionIdIsTheBankAccountAndTheBanksReference() {
        assertEquals("DE89370400440532013000/B1", StatementEntries.bankTransactionId(entry(null, null, null)));
    }
}
