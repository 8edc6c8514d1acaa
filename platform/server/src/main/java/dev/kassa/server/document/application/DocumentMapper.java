package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;

/**
 * Reads what one kind of document prints from the context that owns it, and says it as a
 * {@link PrintedDocument}. One CDI bean per kind; the worker finds it by {@link #kind()}.
 */
public interface DocumentMapper {
    DocumentKind kind();

    /**
     * @param sourceId the id the document was queued with
     * @param locale the language it is written in
     */
    PrintedDocument map(String tenantId, String sourceId, String locale);
}
