package dev.kassa.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A small client for the Kassa JSON API, authenticated as one caller. When the system property
 * {@value OpenApiTraffic#PROPERTY} names the API's OpenAPI document, every exchange is checked
 * against it, and one that does not fit fails with an {@link AssertionError}.
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Optional<OpenApiTraffic> DOCUMENT = OpenApiTraffic.fromSystemProperty();

    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    public URI base() {
        return base;
    }

    /** The Bearer token this client sends, or null. */
    public String token() {
        return token;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    public ApiResponse post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public ApiResponse post(String path, String json, String idempotencyKey) {
        return send("POST", path, json, Map.of("Idempotency-Key", idempotencyKey));
    }

    public ApiResponse put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public ApiResponse send(String method, String path, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (json != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return sendBody(method, path, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json), all);
    }

    /**
     * Any body, as it is: raw bytes, or a publisher of unknown length, which is sent chunked. No
     * {@code Content-Type} unless {@code headers} has one.
     */
    public ApiResponse sendBody(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path : "/api/v1/" + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            ApiResponse answer = new ApiResponse(response.statusCode(), response.headers(), response.body());
            DOCUMENT.ifPresent(document -> document.check(new OpenApiTraffic.Exchange(method, sent.uri().getRawPath(),
                    sent.headers().firstValue("Content-Type").orElse(null),
                    answer.status() / 100 == 2 ? bytes(body) : null, answer.status(),
                    answer.contentType(), answer.body())));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer whose body is bytes, such as a PDF. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as text (a problem document). */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A GET whose answer is kept as bytes; checked against the OpenAPI document like any other. */
    public Download download(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path : "/api/v1/" + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpRequest sent = request.build();
            HttpResponse<byte[]> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            Download answer = new Download(response.statusCode(), response.headers(), response.body());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            DOCUMENT.ifPresent(document -> document.check(new OpenApiTraffic.Exchange("GET", sent.uri().getRawPath(),
                    null, null, answer.status(), type, answer.text())));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What {@code body} sends. The JDK's publishers give their bytes again to each subscriber (a
     * stream's supplier is asked for a new stream), so this reads what was sent.
     */
    private static byte[] bytes(HttpRequest.BodyPublisher body) {
        if (body.contentLength() == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.join();
    }
}
