package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.application.MemoryRateRepository;
import dev.kassa.server.currency.application.RateImportService;
import dev.kassa.server.currency.application.RecordingRatesImported;
import dev.kassa.server.plugin.application.TestPlugins;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** The start-up import and the fetch, without a container: whatever goes wrong is logged, never thrown. */
class ExchangeRateStartupTest {
    private static final String DAILY = "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'"
            + " xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2025-04-03'>"
            + "<Cube currency='USD' rate='1.1097'/></Cube></Cube></gesmes:Envelope>";

    @TempDir
    Path dir;

    private final MemoryRateRepository repository = new MemoryRateRepository();
    private final List<LogRecord> log = new ArrayList<>();
    private final Logger logger = Logger.getLogger(ExchangeRateStartup.class.getName());
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
    private HttpServer ecb;
    private RateSources sources;

    @BeforeEach
    void setUp() throws IOException {
        logger.addHandler(handler);
        TestPlugins.installEcbPlugin(dir.resolve("plugins"));
        sources = new RateSources(dir.resolve("plugins"));
        sources.start();
        ecb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ecb.createContext("/daily.xml", exchange -> {
            byte[] body = DAILY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ecb.createContext("/down.xml", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        ecb.start();
    }

    @AfterEach
    void tearDown() {
        logger.removeHandler(handler);
        sources.stop();
        ecb.stop(0);
    }

    @Test
    void importsTheRatesFileAtStart() throws IOException {
        Path file = Files.writeString(dir.resolve("rates.xml"), DAILY);

        startup(file).onStart(new Object());

        assertEquals(List.of(LocalDate.of(2025, 4, 3)), List.copyOf(repository.stored.keySet()));
        assertTrue(logged(Level.INFO, "imported [2025-04-03]"), this::messages);
    }

    @Test
    void aRatesFileGoneSinceTheSettingsWereCheckedIsLoggedAndTheStartGoesOn() throws IOException {
        Path file = Files.writeString(dir.resolve("no-such-file.xml"), DAILY);
        ExchangeRateStartup startup = startup(file);
        Files.delete(file);

        startup.onStart(new Object());

        assertTrue(repository.stored.isEmpty());
        assertTrue(logged(Level.SEVERE, "KASSA_RATES_FILE: cannot read"), this::messages);
        assertTrue(logged(Level.SEVERE, "no-such-file.xml"), this::messages);
    }

    @Test
    void aMalformedRatesFileIsLoggedWithTheParsersMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("rates.xml"), "<html>502 Bad Gateway</html>");

        startup(file).onStart(new Object());

        assertTrue(repository.stored.isEmpty());
        assertTrue(logged(Level.SEVERE, "was not imported: ECB rates"), this::messages);
    }

    @Test
    void theRatesFileIsReadWithTheSourceKassaRatesSourceNames() throws IOException {
        Path file = Files.writeString(dir.resolve("rates.xml"), DAILY);
        Settings settings = new Settings(Map.of(Settings.RATES_FILE, file.toString(), Settings.RATES_SOURCE, "fed"));

        new ExchangeRateStartup(settings, sources, new RateImportService(repository, new RecordingRatesImported()))
                .onStart(new Object());

        assertTrue(repository.stored.isEmpty());
        assertTrue(logged(Level.SEVERE, "There is no exchange-rate source 'fed'; known: ecb."), this::messages);
    }

    @Test
    void aFetchImportsWhatThePublisherServes() {
        assertTrue(startup(null).fetch(url("/daily.xml")));

        assertEquals(List.of(LocalDate.of(2025, 4, 3)), List.copyOf(repository.stored.keySet()));
    }

    @Test
    void aFailedFetchIsLoggedAndReportedForARetry() {
        assertFalse(startup(null).fetch(url("/down.xml")));
        assertFalse(startup(null).fetch(URI.create("http://127.0.0.1:1/daily.xml")));

        assertTrue(repository.stored.isEmpty());
        assertTrue(logged(Level.WARNING, "HTTP 503"), this::messages);
    }

    private ExchangeRateStartup startup(Path ratesFile) {
        // No KASSA_RATES_ECB_URL: there is no scheduler outside the container.
        Settings settings = new Settings(ratesFile == null ? Map.of() : Map.of(Settings.RATES_FILE, ratesFile.toString()));
        return new ExchangeRateStartup(settings, sources,
                new RateImportService(repository, new RecordingRatesImported()));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + ecb.getAddress().getPort() + path);
    }

    private boolean logged(Level level, String text) {
        return log.stream().anyMatch(r -> r.getLevel().equals(level) && r.getMessage().contains(text));
    }

    private String messages() {
        return log.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
    }
}
