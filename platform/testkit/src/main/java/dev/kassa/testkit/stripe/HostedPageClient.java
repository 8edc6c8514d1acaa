package dev.kassa.testkit.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript on the fake's hosted pages (Checkout, 3-D Secure): loads a page,
 * submits its one form, and answers where the page sends the browser. It follows no redirect, so a
 * test sees the return or cancel URL Kassa gave.
 */
public final class HostedPageClient {
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HostedPageClient() {
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /**
     * Loads the page at {@code url}, submits its form with {@code fields} (such as
     * {@code action=pay, card=4242…} or {@code action=decline}), and answers the 303's target.
     *
     * @throws AssertionError when the page does not load, has no form, or does not redirect
     */
    public static String submit(String url, Map<String, String> fields) {
        HttpResponse<String> page = get(url);
        if (page.statusCode() != 200) {
            throw new AssertionError("the hosted page answered " + page.statusCode() + ": " + page.body());
        }
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("the hosted page has no form: " + page.body());
        }
        String body = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(url).resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (posted.statusCode() != 303) {
            throw new AssertionError("the hosted page's form answered " + posted.statusCode() + ": " + posted.body());
        }
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
