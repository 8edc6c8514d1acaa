package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateDownloaderTest {
    private static final byte[] XML = "<Envelope/>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService handlers;
    private String base;
    private final RateDownloader downloader = new RateDownloader(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/daily.xml", exchange -> {
            exchange.sendResponseHeaders(200, XML.length);
            exchange.getResponseBody().write(XML);
            exchange.close();
        });
        server.createContext("/moved.xml", exchange -> {
            exchange.getResponseHeaders().add("Location", "/daily.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[4096]);
            exchange.close();
        });
        server.createContext("/slow.xml", exchange -> {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        // handlers off the dispatcher thread, so the slow one does not hold up stop()
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void downloadsTheDocument() throws IOException {
        assertArrayEquals(XML, downloader.download(URI.create(base + "/daily.xml")));
    }

    @Test
    void followsARedirect() throws IOException {
        assertArrayEquals(XML, downloader.download(URI.create(base + "/moved.xml")));
    }

    @Test
    void anErrorStatusIsAnIoErrorNamingTheUrlAndStatus() {
        IOException e = assertThrows(IOException.class, () -> downloader.download(URI.create(base + "/missing.xml")));

        assertTrue(e.getMessage().contains(base + "/missing.xml") && e.getMessage().contains("HTTP 404"),
                e.getMessage());
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        IOException e = assertThrows(IOException.class, () -> downloader.download(URI.create(base + "/huge.xml")));

        assertTrue(e.getMessage().contains("more than 1024 bytes"), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> downloader.download(URI.create(base + "/slow.xml")));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 3, "no timeout");
        assertTrue(e.getMessage().contains("/slow.xml"), e.getMessage());
    }

    @Test
    void nobodyListeningIsAnIoError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/daily.xml");

        IOException e = assertThrows(IOException.class, () -> downloader.download(url));

        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
    }
}
