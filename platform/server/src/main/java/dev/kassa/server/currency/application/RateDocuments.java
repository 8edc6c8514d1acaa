package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import java.io.InputStream;
import java.util.List;

/** Reads a rates document with the rate source that publishes it (a plugin's {@code RateSource}). */
public interface RateDocuments {
    /**
     * The tables in {@code document}, as the source {@code sourceId} reads it.
     *
     * @throws dev.kassa.server.shared.KassaException 422 {@code rates.source_unknown} for a source no
     *     plugin provides, 422 {@code rates.malformed} for a document the source cannot read
     */
    List<RateTable> parse(String sourceId, InputStream document);
}
