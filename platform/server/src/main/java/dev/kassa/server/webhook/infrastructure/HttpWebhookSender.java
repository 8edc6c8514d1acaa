package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.webhook.application.WebhookSender;
import dev.kassa.server.webhook.domain.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Posts deliveries with the JDK's HTTP client: HTTP/1.1, no proxy, no redirects (a 3xx is a failed
 * try, as the Standard Webhooks specification advises), {@link #TIMEOUT} to connect and again to
 * the answer's status line; the answer's body is not read.
 *
 * <p>Before each try the host is resolved and every address checked against the destination rules,
 * so a name that pointed at a public address when the endpoint was registered and points inside
 * the network now (DNS rebinding) is refused. The client then connects through the JVM's address
 * cache (positive answers kept 30 s by default, {@code networkaddress.cache.ttl}), that is to the
 * addresses just checked.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {
    static final String USER_AGENT = "Kassa-Webhooks/1";

    private Settings settings;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(TIMEOUT)
            .build();

    protected HttpWebhookSender() {
    }

    @Inject
    public HttpWebhookSender(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Result post(URI url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        boolean insecure = settings.webhooksAllowInsecure();
        try {
            Destinations.parse(url.toString(), insecure);
            Destinations.checkAddresses(url.getHost(), Arrays.asList(InetAddress.getAllByName(url.getHost())),
                    insecure);
        } catch (Destinations.Refused e) {
            return new Result(null, "not sent: " + e.getMessage(), millisSince(start));
        } catch (UnknownHostException e) {
            return new Result(null, "not sent: " + url.getHost() + " does not resolve", millisSince(start));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the answer's body says nothing Kassa needs
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "answered HTTP " + status;
            return new Result(status, error, millisSince(start));
        } catch (HttpConnectTimeoutException e) {
            return new Result(null, "no connection within " + TIMEOUT.toSeconds() + " s", millisSince(start));
        } catch (HttpTimeoutException e) {
            return new Result(null, "no answer within " + TIMEOUT.toSeconds() + " s", millisSince(start));
        } catch (IOException e) {
            return new Result(null, "connection failed: " + describe(e), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted: the node is stopping", millisSince(start));
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
