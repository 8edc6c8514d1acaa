package dev.kassa.server.theme.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextsTest {
    private final Texts texts = new Texts(Map.of("decline.expired_card", "Carte périmée."),
            Map.of("decline.expired_card", "Votre carte a expiré.", "decline.insufficient_funds", "Solde insuffisant."));

    @Test
    void aCodeWithATextIsSaidInTheThemesWordsAndTheTenantsWin() {
        assertEquals("Solde insuffisant.", texts.forCode("decline", "insufficient_funds", "Your card has insufficient funds."));
        assertEquals("Carte périmée.", texts.forCode("decline", "expired_card", "Your card has expired."));
    }

    @Test
    void anUnknownOrMissingCodeGivesTheFallback() {
        assertEquals("The bank said no.", texts.forCode("decline", "new_bank_code", "The bank said no."));
        assertEquals("Cancelled by request", texts.forCode("decline", null, "Cancelled by request"));
        assertEquals("As given", texts.forCode("decline", " ", "As given"));
        assertNull(texts.forCode("decline", "new_bank_code", null));
    }
}
