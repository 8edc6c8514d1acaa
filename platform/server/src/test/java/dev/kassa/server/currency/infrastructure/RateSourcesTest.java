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
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF4J as the server uses it: rate sources come from the plugins in the plugins directory, and only from there. */
class RateSourcesTest {
    private static final String DAILY = "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'"
            + " xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2025-04-03'>"
            + "<Cube currency='USD' rate='1.1097'/></Cube></Cube></gesmes:Envelope>";

    @TempDir
    Path dir;

    private final List<LogRecord> log = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = Logger.getLogger(RateSources.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<RateSources> started = new ArrayList<>();

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(handler);
        started.forEach(RateSources::stop); // stopPlugins() would throw ConcurrentModificationException (pf4j/pf4j#656)
    }

    @Test
    void theEcbPluginInThePluginsDirectoryIsASourceLoadedByItsOwnClassLoader() throws IOException {
        TestPlugins.installEcbPlugin(dir);

        RateSources sources = start(dir);

        RateSources.Found ecb = sources.all().get("ecb");
        assertEquals("plugin ecb-rates", ecb.origin());
        // the plugin's own copy of the class, loaded by its class loader, against the shared API
        assertNotSame(EcbRateSource.class, ecb.source().getClass());
        assertTrue(ecb.source() instanceof RateSource);
        assertEquals("ecb (plugin ecb-rates)", sources.describe());
        assertEquals("1.1097", parse(sources, "ecb", DAILY).get(0).perEuro().get("USD").toPlainString());
        assertTrue(logged(Level.INFO, "Exchange-rate sources: ecb (plugin ecb-rates) (plugins directory " + dir),
                this::messages);
    }

    /**
     * The ECB classes and their extension index are on this test's class path, where PF4J finds
     * them as extensions of the application: they must not count, as no plugin was installed.
     */
    @Test
    void withoutAPluginThereIsNoSourceEvenWithOneOnTheClassPathAndTheStartSaysSo() throws IOException {
        assertTrue(classPathIndexNames(EcbRateSource.class.getName()), "premise: the ECB source is on the class path");

        RateSources sources = start(dir.resolve("missing"));

        assertEquals(Map.of(), sources.all());
        assertEquals("", sources.describe());
        List<LogRecord> warnings = log.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), this::messages);
        assertTrue(warnings.get(0).getMessage().startsWith("No exchange-rate source is installed (plugins directory "
                + dir.resolve("missing") + "): rates can be neither uploaded nor fetched"), this::messages);
        KassaException e = assertThrows(KassaException.class, () -> parse(sources, "ecb", DAILY));
        assertEquals(422, e.status());
        assertEquals("rates.source_unknown", e.code());
        assertTrue(e.getMessage().contains("'ecb'; none is installed: put a rate-source plugin"), e.getMessage());
    }

    @Test
    void parsesWithTheNamedSource() throws IOException {
        List<RateTable> tables = parse(withEcb(), "ecb", DAILY);

        assertEquals(1, tables.size());
        assertEquals("ecb", tables.get(0).source());
    }

    @Test
    void anUnknownSourceIsAClientErrorNamingTheKnownOnes() throws IOException {
        RateSources sources = withEcb();

        KassaException e = assertThrows(KassaException.class, () -> parse(sources, "fed", DAILY));

        assertEquals(422, e.status());
        assertEquals("rates.source_unknown", e.code());
        assertTrue(e.getMessage().contains("'fed'") && e.getMessage().contains("known: ecb."), e.getMessage());
    }

    @Test
    void aDocumentTheSourceRefusesIsMalformedWithTheSourcesOwnMessage() throws IOException {
        RateSources sources = withEcb();

        KassaException notXml = assertThrows(KassaException.class, () -> parse(sources, "ecb", "<Envelope"));
        KassaException html = assertThrows(KassaException.class,
                () -> parse(sources, "ecb", "<html><body>502 Bad Gateway</body></html>"));

        assertEquals(422, notXml.status());
        assertEquals("rates.malformed", notXml.code());
        assertTrue(notXml.getMessage().contains("not well-formed"), notXml.getMessage());
        assertEquals("rates.malformed", html.code());
        assertTrue(html.getMessage().contains("no <Cube"), html.getMessage());
    }

    private RateSources withEcb() throws IOException {
        TestPlugins.installEcbPlugin(dir);
        return start(dir);
    }

    private RateSources start(Path plugins) {
        RateSources sources = new RateSources(plugins);
        started.add(sources);
        sources.start();
        return sources;
    }

    private static List<RateTable> parse(RateSources sources, String id, String xml) {
        return sources.parse(id, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether an extension index on the class path (the one PF4J reads for the application) names the class. */
    private static boolean classPathIndexNames(String className) throws IOException {
        for (URL index : Collections.list(RateSourcesTest.class.getClassLoader()
                .getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().anyMatch(className::equals)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean logged(Level level, String text) {
        return log.stream().anyMatch(r -> r.getLevel() == level && r.getMessage().contains(text));
    }

    private String messages() {
        return log.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
    }
}
