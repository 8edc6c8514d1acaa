package dev.kassa.server.clientarea.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void wcagRatiosOfKnownPairs() {
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, Contrast.ratio("#1d4ed8", "#1d4ed8"), 1e-9);
        assertEquals("4.4:1", Contrast.format(Contrast.ratio("#777777", "#ffffff")), "4.48, cut, not rounded up to 4.5");
        assertEquals("4.5:1", Contrast.format(Contrast.ratio("#767676", "#ffffff")));
        assertEquals(Contrast.ratio("#ffffff", "#777777"), Contrast.ratio("#777777", "#ffffff"), 1e-12, "symmetric");
    }

    @Test
    void theDefaultPaletteIsReadable() {
        assertTrue(Colours.DEFAULT.textContrast() >= Contrast.MINIMUM);
        assertTrue(Colours.DEFAULT.primaryContrast() >= Contrast.MINIMUM);
    }

    @Test
    void coloursAreHexOnly() {
        assertEquals("#abcdef", new Colours("#ABCDEF", "#000000", "#ffffff", "#000000").primary());
        for (String bad : new String[] {"red", "#abc", "#abcdef;}", "#abcdeg", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> new Colours(bad, "#000000", "#ffffff", "#000000"),
                    String.valueOf(bad));
        }
    }
}
