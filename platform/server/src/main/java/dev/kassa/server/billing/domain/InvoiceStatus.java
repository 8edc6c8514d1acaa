package dev.kassa.server.billing.domain;

/**
 * Where an invoice is: {@code DRAFT} (no number, may still change), {@code NEW} (finalised and
 * numbered, open for payment; never changes again), {@code PAID}, {@code CANCELLED} (only ever by a
 * full credit note, which a later change brings).
 */
public enum InvoiceStatus {
    DRAFT, NEW, PAID, CANCELLED
}
