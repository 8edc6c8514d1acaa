package dev.kassa.server.clientarea.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ClientAreaPage} answers: a page of the theme rendered with a model, a redirect
 * (303, so a form post is followed by a GET), or bytes of a given type (a stylesheet, a logo, a
 * small JSON status).
 */
public final class Reply {
    enum Kind { PAGE, REDIRECT, BYTES }

    private final Kind kind;
    private final int status;
    private final String template;
    private final Map<String, Object> model;
    private final String location;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;

    private Reply(Kind kind, int status, String template, Map<String, Object> model, String location,
                  String contentType, byte[] body, Map<String, String> headers) {
        this.kind = kind;
        this.status = status;
        this.template = template;
        this.model = model;
        this.location = location;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /** The theme's {@code templates/<template>.html}, answered with 200. */
    public static Reply page(String template, Map<String, ?> model) {
        return page(200, template, model);
    }

    /** A page with another status, such as 422 for a form with errors. */
    public static Reply page(int status, String template, Map<String, ?> model) {
        return new Reply(Kind.PAGE, status, Objects.requireNonNull(template), new HashMap<>(model), null, null, null,
                Map.of());
    }

    /** 303 See Other to a path of the client area (or an absolute URL a gateway gave). */
    public static Reply redirect(String location) {
        return new Reply(Kind.REDIRECT, 303, null, Map.of(), Objects.requireNonNull(location), null, null, Map.of());
    }

    /** Bytes as they are, with their type and any extra headers (caching, a policy). */
    public static Reply bytes(String contentType, byte[] body, Map<String, String> headers) {
        return new Reply(Kind.BYTES, 200, null, Map.of(), null, contentType, body.clone(), Map.copyOf(headers));
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String template() {
        return template;
    }

    Map<String, Object> model() {
        return model;
    }

    String location() {
        return location;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
