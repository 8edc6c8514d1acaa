package dev.kassa.server.currency.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/** A rates document the operator uploads: read by its source, then imported like a fetched one. */
@ApplicationScoped
public class RateUploads {
    private RateDocuments documents;
    private RateImportService importer;

    protected RateUploads() {
    }

    @Inject
    public RateUploads(RateDocuments documents, RateImportService importer) {
        this.documents = documents;
        this.importer = importer;
    }

    /** Imports every date of {@code document} not stored yet, and says which were and which were not. */
    public ImportResult upload(String sourceId, InputStream document) {
        return importer.importTables(sourceId, documents.parse(sourceId, document));
    }
}
