package dev.kassa.server.clientarea.application;

/**
 * A tenant's logo as served: {@code image/png} or {@code image/svg+xml} (sanitised on upload), and
 * a strong entity tag for {@code ETag}, quotes included ({@code "\"3f2a…\""}).
 */
public record Logo(byte[] bytes, String contentType, String etag) {
    public Logo {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
