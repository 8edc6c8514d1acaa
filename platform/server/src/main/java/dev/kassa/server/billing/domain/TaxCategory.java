package dev.kassa.server.billing.domain;

/** What kind of supply a line is for VAT, as the tenant states it; today every supply is at the standard rate. */
public enum TaxCategory {
    STANDARD
}
