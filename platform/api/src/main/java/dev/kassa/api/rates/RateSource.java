package dev.kassa.api.rates;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A publisher of euro reference exchange rates, such as the European Central Bank.
 *
 * <p>The platform downloads the document itself (so that timeouts, proxies and retries are
 * handled in one place) and hands the bytes to {@link #parse}. A source only turns a document
 * into {@link RateTable}s: it does no I/O of its own, keeps no state and is safe to call from
 * several threads at once.
 */
public interface RateSource extends ExtensionPoint {

    /**
     * A short, stable identifier such as {@code "ecb"}: lower case letters, digits and dashes. It
     * is stored beside every rate the platform uses and appears as {@link RateTable#source()} in
     * every table this source returns.
     */
    String id();

    /**
     * Where the platform fetches the current rates when a tenant has not configured another
     * address; empty if the source has no well-known address.
     */
    default Optional<URI> defaultUrl() {
        return Optional.empty();
    }

    /**
     * Reads a published rates document.
     *
     * @param xml the document as published, in the encoding it declares; not closed (the caller
     *     owns the stream)
     * @return one table per publication date, oldest first, with no date twice; never empty
     * @throws IllegalArgumentException if the document is not a well-formed rates document of
     *     this source: for example no rates at all, a date that is not a date, or a rate that is
     *     not a positive decimal number. The message says what is wrong and where.
     * @throws java.io.UncheckedIOException if the stream cannot be read
     */
    List<RateTable> parse(InputStream xml);
}
