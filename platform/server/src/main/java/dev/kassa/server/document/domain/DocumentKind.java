package dev.kassa.server.document.domain;

/** The documents Kassa prints; invoices and credit notes also carry their Factur-X XML. */
public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE,
    RECEIPT,
    PRO_FORMA;

    /** Whether the document is an e-invoice too (Factur-X EN 16931 inside a PDF/A-3). */
    public boolean facturX() {
        return this == INVOICE || this == CREDIT_NOTE;
    }
}
