package dev.kassa.testkit.vies;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the European Commission's VIES REST API on a local port: {@code POST
 * <baseUrl>/check-vat-number}. Its answers take the shape of the Commission's API: {@code
 * {countryCode, vatNumber, requestDate, valid, requestIdentifier, name, address, trader...}}, the
 * consultation number ({@code requestIdentifier}) only when the question named a requester, and
 * failures as {@code {actionSucceed: false, errorWrappers: [{error, message}]}}.
 *
 * <p>Every VAT ID is valid unless a test scripts it ({@link #answer}): the scripted answers are given
 * in turn, the last one again and again. Thread-safe; the questions are kept ({@link #questions}).
 */
public final class ViesFake implements AutoCloseable {
    /** Where the fake's API sits on its port, as on the Commission's host. */
    public static final String BASE_PATH = "/taxation_customs/vies/rest-api";

    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> questions = new ConcurrentHashMap<>();
    private final AtomicLong consultations = new AtomicLong();
    private HttpServer server;

    /** One answer of the fake. */
    public record Answer(int status, String body, Duration delay) {
        /** Valid, with the trader's name and address as the member state gives them. */
        public static Answer valid(String name, String address) {
            return new Answer(200, "valid:" + name + "\n" + address, Duration.ZERO);
        }

        public static Answer invalid() {
            return new Answer(200, "invalid", Duration.ZERO);
        }

        /** A failure VIES reports with an error code, such as {@code MS_UNAVAILABLE}, with that HTTP status. */
        public static Answer error(int status, String code) {
            return new Answer(status, Json.createObjectBuilder().add("actionSucceed", false)
                    .add("errorWrappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("error", code).add("message", code.toLowerCase().replace('_', ' '))))
                    .build().toString(), Duration.ZERO);
        }

        /** A bare HTTP status with a body that is not VIES's (a proxy's error page). */
        public static Answer http(int status) {
            return new Answer(status, "<html><body>Service Unavailable</body></html>", Duration.ZERO);
        }

        /** This answer, after a wait. */
        public Answer after(Duration wait) {
            return new Answer(status, body, wait);
        }
    }

    public synchronized ViesFake start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vies-fake");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(BASE_PATH + "/check-vat-number", this::handle);
        server.start();
        return this;
    }

    /** The base to give as {@code KASSA_VIES_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** The answers for this VAT ID (with its prefix), in turn; the last one stays. */
    public void answer(String vatId, Answer... answers) {
        scripts.put(vatId, new ArrayDeque<>(List.of(answers)));
    }

    /** The questions asked about this VAT ID, oldest first. */
    public List<JsonObject> questions(String vatId) {
        return List.copyOf(questions.getOrDefault(vatId, List.of()));
    }

    private Answer next(String vatId) {
        Deque<Answer> script = scripts.get(vatId);
        if (script == null) {
            return Answer.valid("FAKE TRADER " + vatId, "1 FAKE STREET");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "");
                return;
            }
            JsonObject question;
            try (InputStream in = exchange.getRequestBody()) {
                question = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .readObject();
            } catch (RuntimeException e) {
                send(exchange, 400, Answer.error(400, "INVALID_INPUT").body());
                return;
            }
            String country = question.getString("countryCode", "");
            String number = question.getString("vatNumber", "");
            String vatId = country + number;
            questions.computeIfAbsent(vatId, k -> new CopyOnWriteArrayList<>()).add(question);
            Answer answer = next(vatId);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            boolean requester = !question.getString("requesterNumber", "").isEmpty();
            String body = answer.body();
            if (body.startsWith("valid:")) {
                String[] trader = body.substring("valid:".length()).split("\n", 2);
                body = result(country, number, true, requester, trader[0], trader[1]);
            } else if (body.equals("invalid")) {
                body = result(country, number, false, requester, "---", "---");
            }
            send(exchange, answer.status(), body);
        }
    }

    private String result(String country, String number, boolean valid, boolean requester, String name,
                          String address) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("countryCode", country).add("vatNumber", number)
                .add("requestDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("valid", valid)
                .add("requestIdentifier", requester ? String.format("WAPIAAAA%08d", consultations.incrementAndGet()) : "")
                .add("name", name).add("address", address);
        for (String field : List.of("traderName", "traderStreet", "traderPostalCode", "traderCity",
                "traderCompanyType")) {
            out.add(field, "");
        }
        for (String field : List.of("traderNameMatch", "traderStreetMatch", "traderPostalCodeMatch",
                "traderCityMatch", "traderCompanyTypeMatch")) {
            out.add(field, "NOT_PROCESSED");
        }
        return out.build().toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                body.startsWith("{") ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
