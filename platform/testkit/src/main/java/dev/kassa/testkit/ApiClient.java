package dev.kassa.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small client for the Kassa JSON API, authenticated as one caller. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

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
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
