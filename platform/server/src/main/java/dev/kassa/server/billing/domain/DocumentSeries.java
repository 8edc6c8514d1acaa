package dev.kassa.server.billing.domain;

/** The numbered kinds of documents; each has its own gapless sequence per tenant and year. */
public enum DocumentSeries {
    INVOICE, CREDIT_NOTE, RECEIPT
}
