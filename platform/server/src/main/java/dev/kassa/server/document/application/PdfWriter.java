package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.PrintedDocument;

/** Turns a document's XHTML, as the theme wrote it, into a PDF/A-3, with its Factur-X XML when the kind has one. */
public interface PdfWriter {

    /** The PDF and the size of the XML embedded in it (0 for none). */
    record Pdf(byte[] bytes, int xmlBytes) { }

    /**
     * @param xhtml a well-formed XHTML document
     * @param document what it prints, for the e-invoice's XML and the PDF's metadata
     */
    Pdf write(String xhtml, PrintedDocument document);
}
