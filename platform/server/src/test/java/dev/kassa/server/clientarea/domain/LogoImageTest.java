package dev.kassa.server.clientarea.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.KassaException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogoImageTest {
    private static final String HOSTILE = """
            <?xml version="1.0"?>
            <?xml-stylesheet href="https://evil.example/x.css"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"
                 onload="alert(1)" ONMOUSEOVER="alert(2)">
              <!-- a comment -->
              <script type="text/javascript">alert(3)</script>
              <SCRIPT>alert(4)</SCRIPT>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(5)"/></div></foreignObject>
              <a xlink:href="javascript:alert(6)"><rect width="5" height="5"/></a>
              <a href=" java&#x09;script:alert(7)"><circle r="1"/></a>
              <image href="https://evil.example/track.png" width="1" height="1"/>
              <use href="#shape"/>
              <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
              <set attributeName="href" to="javascript:alert(8)"/>
              <animate attributeName="href" values="javascript:alert(9)"/>
              <style>@import url(https://evil.example/y.css); rect { fill: red }</style>
              <style>.ok { fill: url(#grad) }</style>
              <rect id="shape" style="background: url(https://evil.example/z.png)" fill="url(#grad)" width="1" height="1"/>
              <linearGradient id="grad"><stop offset="0" stop-color="#1d4ed8"/></linearGradient>
            </svg>
            """;

    @Test
    void aHostileSvgComesOutInert() {
        String clean = new String(SvgSanitizer.sanitise(HOSTILE.getBytes(StandardCharsets.UTF_8)).orElseThrow(),
                StandardCharsets.UTF_8);
        String lower = clean.toLowerCase(Locale.ROOT);
        for (String gone : new String[] {"<script", "onload", "onmouseover", "onerror", "foreignobject", "javascript",
            "evil.example", "<set", "<animate", "@import", "xml-stylesheet", "<!--", "alert"}) {
            assertFalse(lower.contains(gone), gone + " left in: " + clean);
        }
        for (String kept : new String[] {"href=\"#shape\"", "data:image/png;base64", "url(#grad)", "<lineargradient",
            "<rect", "viewbox"}) {
            assertTrue(lower.contains(kept.toLowerCase(Locale.ROOT)), kept + " lost: " + clean);
        }
    }

    @Test
    void dtdsEntitiesAndNonSvgAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
        String laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>";
        for (String bad : new String[] {xxe, laughs, "<html/>", "<svg", "not xml", ""}) {
            assertEquals(Optional.empty(), SvgSanitizer.sanitise(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        String bare = new String(SvgSanitizer.sanitise("<svg><rect/></svg>".getBytes(StandardCharsets.UTF_8))
                .orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(bare.contains("http://www.w3.org/2000/svg"), "a namespace-less SVG gets its namespace: " + bare);
    }

    @Test
    void dataUrlsOfPngAndSvgOnly() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        LogoImage image = LogoImage.fromDataUrl("data:image/png;base64," + b64(png));
        assertEquals(LogoImage.PNG, image.contentType());
        assertEquals(10, image.bytes().length);
        assertEquals(LogoImage.SVG, LogoImage.fromDataUrl("data:image/SVG+xml;charset=utf-8;base64,"
                + b64("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).contentType());

        assertEquals("branding.logo_unsupported", code("data:image/png;base64," + b64("GIF89a".getBytes())));
        assertEquals("branding.logo_unsupported", code("data:image/gif;base64," + b64("GIF89a".getBytes())));
        assertEquals("branding.logo_unsupported", code("data:image/svg+xml,<svg/>"), "not base64");
        assertEquals("branding.logo_unsupported", code("https://example.com/logo.png"));
        byte[] big = new byte[LogoImage.MAX_BYTES + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        assertEquals("branding.logo_too_large", code("data:image/png;base64," + b64(big)));
        byte[] limit = new byte[LogoImage.MAX_BYTES];
        System.arraycopy(png, 0, limit, 0, png.length);
        assertEquals(LogoImage.MAX_BYTES, LogoImage.fromDataUrl("data:image/png;base64," + b64(limit)).bytes().length);
    }

    private static String code(String dataUrl) {
        return assertThrows(KassaException.class, () -> LogoImage.fromDataUrl(dataUrl)).code();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
