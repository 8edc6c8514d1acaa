package dev.kassa.server.billing.domain;

/** Where the VAT rate table comes from: the rates file shipped with the server. */
public interface VatRates {
    VatRateTable table();
}
