package dev.kassa.server.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failure a client can cause. The mapper turns it into an RFC 9457 problem with a stable
 * {@code code}; the message is written for the client and never contains internals.
 */
public class KassaException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public KassaException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static KassaException notFound() {
        return new KassaException(404, "not_found", "Not found", "No such resource.", null);
    }

    public static KassaException conflict(String code, String title, String detail) {
        return new KassaException(409, code, title, detail, null);
    }

    public static KassaException unprocessable(String code, String title, String detail) {
        return new KassaException(422, code, title, detail, null);
    }

    public static KassaException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new KassaException(422, "request.invalid", "Invalid request", detail, errors);
    }

    public static KassaException invalid(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }

    /** A list cursor that was not handed out by this very list (made up, or from another account's). */
    public static KassaException invalidCursor() {
        return new KassaException(422, "request.invalid_cursor", "Invalid cursor",
                "after: is not a cursor from this list; pass the \"next\" of the previous page unchanged.",
                List.of(new FieldError("after", "invalid", "is not a cursor from this list")));
    }

    public static KassaException malformed(String detail) {
        return new KassaException(400, "request.malformed", "Malformed request", detail, null);
    }

    /** Adds a member to the problem document, e.g. the limits that an amount broke. */
    public KassaException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
