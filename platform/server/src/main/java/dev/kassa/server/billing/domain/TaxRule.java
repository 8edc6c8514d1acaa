package dev.kassa.server.billing.domain;

/** Why an invoice line carries the VAT it carries. */
public enum TaxRule {
    /** Seller and customer in the same member state: the seller's domestic rate. */
    DOMESTIC,
    /** A consumer (no VAT ID) in another member state: the rate of the customer's country. */
    B2C_DESTINATION,
    /** A business with a VAT ID in another member state: no VAT charged, the customer accounts for it. */
    REVERSE_CHARGE,
    /** A customer outside the EU: no EU VAT. */
    OUTSIDE_EU
}
