package dev.kassa.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reseller's webhook endpoint on the loopback: records every delivery by path, and answers 200
 * unless told otherwise ({@link #answer}). {@link #listen} registers a fresh path as a tenant's
 * endpoint for every event, so each test reads only its own deliveries. The server sending to it
 * must allow insecure URLs ({@code KASSA_WEBHOOKS_ALLOW_INSECURE=true}).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One delivery as it arrived: headers by lower-case name (first value), and the raw body. */
    public record Delivery(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }

        public JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(body)).readObject();
        }
    }

    private final HttpServer server;
    private final Map<String, List<Delivery>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            receiver.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Delivery(headers, body));
            Deque<Integer> queue = receiver.answers.get(path);
            Integer status = queue == null ? null : queue.pollFirst();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Registers a fresh path as one of the tenant's webhook endpoints for every event, and returns the path. */
    public String listen(Kassa.Tenant tenant) {
        String path = "/hooks-" + UUID.randomUUID();
        ApiResponse endpoint = tenant.api().post("webhook-endpoints", Json.obj("url", url(path), "events", List.of("*")));
        assertEquals(201, endpoint.status(), endpoint::toString);
        return path;
    }

    /** The next deliveries to {@code path} are answered with these statuses, in order; 200 after them. */
    public void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** What arrived at {@code path} so far, in order. */
    public List<Delivery> deliveries(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** The event types that arrived at {@code path}, in order. */
    public List<String> types(String path) {
        return deliveries(path).stream().map(d -> d.json().getString("type")).toList();
    }

    /** The {@code data} of every event of {@code type} that arrived at {@code path}, in order. */
    public List<JsonObject> events(String path, String type) {
        return deliveries(path).stream().map(Delivery::json).filter(e -> e.getString("type").equals(type))
                .map(e -> e.getJsonObject("data")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
