package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateSource;
import dev.kassa.api.rates.RateTable;
import dev.kassa.plugin.ecb.EcbRateSource;
import dev.kassa.server.plugin.application.TestPlugins;
import dev.kassa.server.shared.KassaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF4J as the server uses it: the bundled ECB source on the class path, plugins from a directory. */
class RateSourcesTest {
    private static final String DAILY = "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'"
            + " xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2025-04-03'>"
            + "<Cube currency='USD' rate='1.1097'/></Cube></Cube></gesmes:Envelope>";

    @TempDir
    Path dir;

    @Test
    void findsTheBundledEcbSourceOnTheClassPathWithoutAPluginsDirectory() {
        RateSources sources = new RateSources(dir.resolve("missing"));
        sources.start();
        try {
            RateSources.Found ecb = sources.all().get("ecb");

            assertEquals(RateSources.CLASS_PATH, ecb.origin(), "PF4J must find it, not the fallback");
            assertEquals(EcbRateSource.class, ecb.source().getClass());
            assertEquals("ecb (class path)", sources.describe());
        } finally {
            sources.stop();
        }
    }

    @Test
    void aPluginInThePluginsDirectoryReplacesTheSourceOfTheSameIdAndStopsCleanly() throws IOException {
        TestPlugins.installEcbPlugin(dir);
        RateSources sources = new RateSources(dir);
        sources.start();
        try {
            RateSources.Found ecb = sources.all().get("ecb");

            assertEquals("plugin ecb-rates", ecb.origin());
            // the plugin's own copy of the class, loaded by its class loader, against the shared API
            assertNotSame(EcbRateSource.class, ecb.source().getClass());
            assertTrue(ecb.source() instanceof RateSource);
            assertEquals("1.1097", parse(sources, "ecb", DAILY).get(0).perEuro().get("USD").toPlainString());
        } finally {
            sources.stop(); // stopPlugins() would throw ConcurrentModificationException (pf4j/pf4j#656)
        }
    }

    @Test
    void parsesWithTheNamedSource() {
        RateSources sources = started();

        List<RateTable> tables = parse(sources, "ecb", DAILY);

        assertEquals(1, tables.size());
        assertEquals("ecb", tables.get(0).source());
    }

    @Test
    void anUnknownSourceIsAClientError() {
        KassaException e = assertThrows(KassaException.class, () -> parse(started(), "fed", DAILY));

        assertEquals(422, e.status());
        assertEquals("rates.source_unknown", e.code());
        assertTrue(e.getMessage().contains("'fed'") && e.getMessage().contains("known: ecb"), e.getMessage());
    }

    @Test
    void aDocumentTheSourceRefusesIsMalformedWithTheSourcesOwnMessage() {
        RateSources sources = started();

        KassaException notXml = assertThrows(KassaException.class, () -> parse(sources, "ecb", "<Envelope"));
        KassaException html = assertThrows(KassaException.class,
                () -> parse(sources, "ecb", "<html><body>502 Bad Gateway</body></html>"));

        assertEquals(422, notXml.status());
        assertEquals("rates.malformed", notXml.code());
        assertTrue(notXml.getMessage().contains("not well-formed"), notXml.getMessage());
        assertEquals("rates.malformed", html.code());
        assertTrue(html.getMessage().contains("no <Cube"), html.getMessage());
    }

    private RateSources started() {
        RateSources sources = new RateSources(dir);
        sources.start();
        return sources;
    }

    private static List<RateTable> parse(RateSources sources, String id, String xml) {
        return sources.parse(id, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
