package dev.kassa.plugin.ecb;

import static dev.kassa.plugin.ecb.EcbRateSourceTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rates document comes from the network: it must not make the parser read anything else. */
class EcbXmlSecurityTest {
    private static final String SECRET = "kassa-secret-7f3a9c";
    private static final String NAMESPACES = " xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'"
            + " xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'";

    private final EcbRateSource source = new EcbRateSource();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void startAServerThatCountsWhatIsFetched() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak '" + SECRET + "'>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anExternalEntityNamingALocalFileIsNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version='1.0'?>\n"
                + "<!DOCTYPE gesmes:Envelope [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>\n"
                + "<gesmes:Envelope" + NAMESPACES + "><gesmes:subject>&xxe;</gesmes:subject>"
                + "<Cube><Cube time='2025-04-03'><Cube currency='USD' rate='1.1097'/></Cube></Cube>"
                + "</gesmes:Envelope>";

        assertRefusedWithoutLeaking(xml);
    }

    @Test
    void anEntityInsideAnAttributeIsNotExpanded() throws IOException {
        Path secret = Files.writeString(dir.resolve("rate.txt"), "1.5");
        String xml = "<!DOCTYPE e [<!ENTITY r SYSTEM '" + secret.toUri() + "'>]>"
                + "<gesmes:Envelope" + NAMESPACES + "><Cube><Cube time='2025-04-03'>"
                + "<Cube currency='USD' rate='&r;'/></Cube></Cube></gesmes:Envelope>";

        assertRefusedWithoutLeaking(xml);
    }

    @Test
    void noExternalDtdOrEntityIsFetchedOverTheNetwork() {
        String[] attacks = {
            "<!DOCTYPE gesmes:Envelope SYSTEM '" + base + "/evil.dtd'>",
            "<!DOCTYPE gesmes:Envelope [<!ENTITY % remote SYSTEM '" + base + "/param.dtd'> %remote;]>",
            "<!DOCTYPE gesmes:Envelope [<!ENTITY xxe SYSTEM '" + base + "/entity'>]>",
        };
        for (String doctype : attacks) {
            String xml = "<?xml version='1.0'?>" + doctype + "<gesmes:Envelope" + NAMESPACES + ">"
                    + "<gesmes:subject>&leak;</gesmes:subject><Cube><Cube time='2025-04-03'>"
                    + "<Cube currency='USD' rate='1.1097'/></Cube></Cube></gesmes:Envelope>";

            assertRefusedWithoutLeaking(xml);
        }
        assertEquals(0, requests.get(), "the parser fetched something from the network");
    }

    @Test
    void exponentialEntityExpansionIsRefusedAtOnce() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE gesmes:Envelope [<!ENTITY l0 'lol'>");
        for (int i = 1; i <= 30; i++) {
            doctype.append("<!ENTITY l").append(i).append(" '")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
        }
        String xml = doctype + "]><gesmes:Envelope" + NAMESPACES + "><gesmes:subject>&l30;</gesmes:subject>"
                + "<Cube><Cube time='2025-04-03'><Cube currency='USD' rate='1.1'/></Cube></Cube></gesmes:Envelope>";

        long start = System.nanoTime();
        assertRefusedWithoutLeaking(xml);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "expansion was attempted");
    }

    private void assertRefusedWithoutLeaking(String xml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.parse(stream(xml)));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), "leaked: " + t.getMessage());
        }
    }
}
