package dev.kassa.api.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThemeInfoTest {

    @Test
    void aChildWithoutLocalesTakesItsParents() {
        ThemeInfo acme = ThemeInfo.child("acme", "french");

        assertEquals(Optional.of("french"), acme.parentId());
        assertEquals(List.of(), acme.locales());
        assertEquals(Optional.empty(), ThemeInfo.base("english", "en").parentId());
    }

    @Test
    void localesAreCopiedInTheirOrder() {
        List<String> locales = new ArrayList<>(List.of("fr", "fr-CA"));
        ThemeInfo info = new ThemeInfo("french", "english", locales);
        locales.clear();

        assertEquals(List.of("fr", "fr-CA"), info.locales());
    }

    @Test
    void refusesWhatCouldNotBeNamedOrResolved() {
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("English", "en"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("-x", "en"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("a".repeat(41), "en"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("english"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.child("french", "french", "fr"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.child("french", "../x", "fr"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("english", "en_GB"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("english", "EN"));
        assertThrows(IllegalArgumentException.class, () -> ThemeInfo.base("english", "en", "en"));
        assertThrows(NullPointerException.class, () -> new ThemeInfo(null, null, List.of("en")));
    }

    @Test
    void aBundledThemeReadsItsOwnFilesUnderItsRoot() {
        Theme sample = new SampleTheme();

        assertTrue(sample.resource("templates/page.html").orElseThrow().toString().endsWith(
                "theme/sample/templates/page.html"));
        assertEquals(Optional.empty(), sample.resource("templates/missing.html"));
    }

    @Test
    void aPathThatLeavesTheRootFindsNothing() {
        Theme sample = new SampleTheme();

        for (String path : List.of("", "/templates/page.html", "templates/../templates/page.html",
                "./templates/page.html", "templates//page.html", "templates\\page.html",
                "../sample/templates/page.html")) {
            assertEquals(Optional.empty(), sample.resource(path), path);
        }
    }

    static final class SampleTheme extends BundledTheme {
        SampleTheme() {
            super(ThemeInfo.base("sample", "en"));
        }
    }
}
