package dev.kassa.server.shared;

/** One invalid field of a request: which field, a stable code, and a sentence for people. */
public record FieldError(String field, String code, String message) {
}
