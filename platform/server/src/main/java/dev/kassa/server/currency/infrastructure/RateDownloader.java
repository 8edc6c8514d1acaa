package dev.kassa.server.currency.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Downloads a rates document over HTTP(S), with timeouts and a size cap, so that a slow or broken
 * publisher can never hang or flood Kassa. Follows redirects (not from https to http) and honours
 * the JVM's proxy settings ({@code -Dhttps.proxyHost=...}). Thread-safe.
 */
public final class RateDownloader {
    /** The ECB's complete history since 1999 is about 7 MB of XML. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    public RateDownloader() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(60), DEFAULT_MAX_BYTES);
    }

    RateDownloader(Duration connectTimeout, Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).proxy(ProxySelector.getDefault()).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /**
     * The body of a 200 answer to a GET of {@code url}.
     *
     * @throws IOException on a network error, a timeout, another status, or a body over the cap;
     *     the message names the URL and the reason
     */
    public byte[] download(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "Kassa exchange rates").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new IOException("cannot fetch " + url + ": " + describe(e), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("fetching " + url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException(url + " sent more than " + maxBytes + " bytes; not a rates document");
            }
            return bytes;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(url.toString())) {
                throw e;
            }
            throw new IOException("cannot read " + url + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
