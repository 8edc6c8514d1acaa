package dev.kassa.testkit.clientarea;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for the client area: it names a tenant's host in the {@code Host}
 * header (as a browser reaching {@code demo.localhost} would), keeps the cookies the server sets,
 * sends {@code Origin} with its form posts, and follows no redirect by itself, so a test sees each
 * 303. The forked test JVM needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}.
 */
public final class ClientAreaClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI server;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Page last;

    /**
     * @param server where the server listens, such as {@code http://127.0.0.1:8123}
     * @param hostName the client area's host, such as {@code t1.localhost}; the server's port is added
     */
    public ClientAreaClient(URI server, String hostName) {
        this.server = server;
        this.host = hostName + ":" + server.getPort();
    }

    /** An answer: status, headers and body, with the helpers tests need. */
    public record Page(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The redirect's target; fails when the answer is no redirect. */
        public String location() {
            return header("Location").orElseThrow(() -> new AssertionError("no redirect: " + this));
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + "\n" + body;
        }
    }

    /** {@code http://<host>:<port>}: what the browser's {@code Origin} would be. */
    public String origin() {
        return "http://" + host;
    }

    public Page get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** A GET as a browser holding this one cookie would send it (a stolen or replayed cookie). */
    public Page getWithCookie(String pathAndQuery, String name, String value) {
        cookies.put(name, value);
        return get(pathAndQuery);
    }

    /** A form post carrying the CSRF token of the last page shown. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("csrf", csrf());
        return postAsIs(path, fields, Map.of("Origin", origin()));
    }

    /** A form post exactly as given: no token added, only the headers given. */
    public Page postAsIs(String path, Map<String, String> form, Map<String, String> headers) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Follows a redirect the way a browser does after a form post: GET the location. */
    public Page follow(Page redirect) {
        String location = redirect.location();
        URI target = URI.create(location);
        return get(target.isAbsolute() ? target.getRawPath() + (target.getRawQuery() == null ? ""
                : "?" + target.getRawQuery()) : location);
    }

    /** The CSRF token in the last page's forms. */
    public String csrf() {
        if (last == null) {
            throw new IllegalStateException("no page yet to take a CSRF token from");
        }
        Matcher m = CSRF.matcher(last.body());
        if (!m.find()) {
            throw new AssertionError("the last page has no CSRF field: " + last);
        }
        return m.group(1);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void forgetCookies() {
        cookies.clear();
    }

    /** Another browser on another host name of the same server, sharing nothing with this one. */
    public ClientAreaClient on(String otherHostName) {
        return new ClientAreaClient(server, otherHostName);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(pathAndQuery)).header("Host", host)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            builder.header("Cookie", header.toString());
        }
        return builder;
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Page page = new Page(response.statusCode(), response.headers(), response.body());
            if (page.header("Content-Type").orElse("").startsWith("text/html")) {
                last = page;
            }
            return page;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
