package dev.kassa.server.web;

import dev.kassa.server.shared.KassaException;
import java.io.IOException;

/**
 * Thrown by the request body stream of the JSON API once it has given one byte more than the limit.
 * An {@link IOException}, as a reader expects of a stream that fails; whoever wraps it, the
 * {@link ProblemMapper} finds it and answers 413.
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("request body over " + maxBytes + " bytes", null);
        this.maxBytes = maxBytes;
    }

    /** The problem a client gets: 413 {@code request.too_large}. */
    public KassaException problem() {
        return problem(maxBytes);
    }

    public static KassaException problem(long maxBytes) {
        return new KassaException(413, "request.too_large", "Request too large",
                "A request body may be at most " + maxBytes + " bytes.", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a client's oversized body, not a fault: no trace to fill
    }
}
