package dev.kassa.plugin.paypal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.kassa.api.payment.MethodContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few calls of PayPal's REST API the plugin makes (OAuth token, Orders v2, Payments v2), over
 * {@code java.net.http}.
 *
 * <p>Why not {@code com.paypal.sdk:paypal-server-sdk} (2.2.0, MIT, it resolves from Maven Central):
 * it declares its dependencies as version ranges and brings OkHttp 4 with the Kotlin standard
 * library, Jackson (databind 2.14 beside core 2.18), a JAXB 2.3 runtime with {@code javax.xml.bind}
 * and SLF4J. All of it would have to be pinned and relocated into the plugin jar to stay clear of
 * Payara's own Jackson and JAXB, and a relocated JAXB runtime that finds its implementation by
 * reflection is a risk the five calls below do not justify. Without the SDK there is also no
 * interceptor to rewrite PayPal's host: {@code API_BASE} simply replaces the base URL.
 *
 * <p>A timeout, a network error or a 5xx throws {@link Unanswered}: we cannot tell whether PayPal
 * acted. Any other answer is a {@link Reply}.
 */
final class PayPalApi {
    static final String SANDBOX_BASE = "https://api-m.sandbox.paypal.com";
    static final String LIVE_BASE = "https://api-m.paypal.com";

    // One client per connect timeout: a java.net.http client holds a selector thread, so one per call
    // would cost a thread each time. It holds no tenant's data.
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    /** What PayPal answered. */
    record Reply(int status, JsonObject body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** PayPal's error: the first detail's {@code issue} (such as {@code INSTRUMENT_DECLINED}), else its {@code name}. */
        String issue() {
            JsonElement details = body.get("details");
            if (details != null && details.isJsonArray() && details.getAsJsonArray().size() > 0) {
                String issue = Json.string(details.getAsJsonArray().get(0).getAsJsonObject(), "issue");
                if (issue != null) {
                    return issue;
                }
            }
            String name = Json.string(body, "name");
            return name != null ? name : "HTTP_" + status;
        }

        /** PayPal's message, with its debug id for PayPal's support. */
        String message() {
            String message = Json.string(body, "message");
            String debugId = Json.string(body, "debug_id");
            String text = message != null ? message : "PayPal answered " + status;
            return debugId == null ? text : text + " (debug id " + debugId + ")";
        }
    }

    /** PayPal did not answer in time, could not be reached or failed on its side. */
    static final class Unanswered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** PayPal refused the tenant's client id and secret. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final MethodContext context;
    private final String base;
    private String token;

    PayPalApi(MethodContext context) {
        this.context = context;
        this.base = base(context);
    }

    /** The operator's {@code API_BASE}, else PayPal's live or sandbox API by the tenant's environment. */
    static String base(MethodContext context) {
        return context.operatorSetting("API_BASE").map(PayPalApi::withoutSlash).orElseGet(() ->
                PayPalCredentials.LIVE.equals(context.credential(PayPalCredentials.ENVIRONMENT).orElse(null))
                        ? LIVE_BASE : SANDBOX_BASE);
    }

    String base() {
        return base;
    }

    Reply get(String path) {
        return send(authorized(path).GET().build());
    }

    Reply delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    /** A POST with {@code PayPal-Request-Id}: PayPal answers a repeated id with the first result. */
    Reply post(String path, String requestId, JsonObject body) {
        HttpRequest.Builder request = authorized(path)
                .header("Content-Type", "application/json")
                .header("Prefer", "return=representation")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return send(request.build());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(context.http().readTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token());
    }

    private String token() {
        if (token == null) {
            String basic = Base64.getEncoder().encodeToString((context.requiredCredential(PayPalCredentials.CLIENT_ID)
                    + ":" + context.requiredCredential(PayPalCredentials.CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
            Reply reply = send(HttpRequest.newBuilder(URI.create(base + "/v1/oauth2/token"))
                    .timeout(context.http().readTimeout())
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type="
                            + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                    .build());
            String accessToken = reply.ok() ? Json.string(reply.body(), "access_token") : null;
            if (accessToken == null) {
                String error = Json.string(reply.body(), "error");
                throw new Refused(error == null ? "authentication_failure" : error,
                        "PayPal refused the client ID and secret (HTTP " + reply.status() + ")");
            }
            token = accessToken;
        }
        return token;
    }

    private Reply send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unanswered("PayPal could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while waiting for PayPal", e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new Unanswered("PayPal answered " + response.statusCode(), null);
        }
        return new Reply(response.statusCode(), parse(response.body()));
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            throw new Unanswered("PayPal's answer is not JSON", e);
        }
    }

    private HttpClient client() {
        return CLIENTS.computeIfAbsent(context.http().connectTimeout(), timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static UncheckedIOException unreachable(Unanswered e) {
        return new UncheckedIOException(new IOException(e.getMessage(), e));
    }
}
