package dev.kassa.server.web;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    public static final String TYPE_BASE = "https://kassa.dev/problems/";

    private Problems() {
    }

    public static Response response(KassaException e) {
        return response(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    public static Response response(int status, String code, String title, String detail) {
        return response(status, code, title, detail, List.of(), Map.of());
    }

    public static Response response(int status, String code, String title, String detail,
                                    List<FieldError> errors, Map<String, Object> extensions) {
        Response.ResponseBuilder builder = Response.status(Statuses.of(status)).type(PROBLEM_JSON)
                .entity(body(status, code, title, detail, errors, extensions));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"kassa\"");
        }
        return builder.build();
    }

    /** The problem document as JSON text, for responses written outside JAX-RS. */
    public static String json(KassaException e) {
        return JsonbProvider.shared().toJson(body(e.status(), e.code(), e.title(), e.getMessage(), e.errors(),
                e.extensions()));
    }

    /**
     * The problem document as a map; an extension that is {@link Money} is shown as the API shows
     * money everywhere, {@code {"amount": "12.50", "currency": "EUR"}}.
     */
    static Map<String, Object> body(int status, String code, String title, String detail,
                                    List<FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.replace('.', '/'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach((name, value) -> body.putIfAbsent(name,
                    value instanceof Money money ? MoneyView.of(money) : value));
        }
        return body;
    }
}
