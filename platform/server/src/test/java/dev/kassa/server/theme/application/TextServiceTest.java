package dev.kassa.server.theme.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextServiceTest {
    @TempDir
    Path plugins;
    private Testbed bed;

    @BeforeEach
    void start() throws IOException {
        bed = Testbed.start(plugins);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void setsChangesAndRemovesTextsPerLocale() {
        assertEquals(Map.of("nav.payers", "Clients"), bed.texts.update("t1", "fr", Map.of("nav.payers", "Clients")));
        Map<String, String> changes = new HashMap<>();
        changes.put("nav.payers", "");
        changes.put("nav.profile", "Mon profil");
        changes.put("layout.signOut", null);

        assertEquals(Map.of("nav.profile", "Mon profil"), bed.texts.update("t1", "fr", changes));
        assertEquals(Map.of("nav.profile", "Mon profil"), bed.texts.get("t1", "fr"));
        assertEquals(Map.of(), bed.texts.get("t1", "en"));
        assertEquals(Map.of(), bed.texts.get("t2", "fr"));
    }

    @Test
    void unknownKeysAreRefusedAllAtOnceAndNothingIsStored() {
        KassaException refused = assertThrows(KassaException.class, () -> bed.texts.update("t1", "en",
                Map.of("nav.payers", "Clients", "nav.paymnts", "Pay", "nope", "x")));

        assertEquals(422, refused.status());
        assertEquals("texts.unknown_key", refused.code());
        assertEquals(List.of("nav.paymnts", "nope"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals(Map.of(), bed.texts.get("t1", "en"));
    }

    @Test
    void aTextWithParametersMustStayAPattern() {
        KassaException refused = assertThrows(KassaException.class, () -> bed.texts.update("t1", "en",
                Map.of("mail.greeting", "Hi {0")));

        assertEquals("request.invalid", refused.code());
        assertEquals(new FieldError("mail.greeting", "invalid", refused.errors().get(0).message()),
                refused.errors().get(0));
        assertEquals(Map.of("nav.payers", "Use {braces} freely"),
                bed.texts.update("t1", "en", Map.of("nav.payers", "Use {braces} freely")), "no parameters, no pattern");
        assertEquals("request.invalid", assertThrows(KassaException.class, () -> bed.texts.update("t1", "en",
                Map.of("nav.payers", "x".repeat(2001)))).code());
    }

    @Test
    void aLocaleNoThemeProvidesIsNotFound() {
        assertEquals(404, assertThrows(KassaException.class, () -> bed.texts.get("t1", "de")).status());
        assertEquals(404, assertThrows(KassaException.class, () -> bed.texts.update("t1", "fr-CA",
                Map.of("nav.payers", "x"))).status());
    }
}
