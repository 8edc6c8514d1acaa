package dev.kassa.server.billing.domain;

import java.time.LocalDate;

/**
 * Everything a line's tax decision depends on besides its category: the seller's member state, the
 * customer's country and VAT ID (and whether VIES confirmed it), the supply date, whether prices include VAT, and the rate table.
 */
public record Taxation(String establishment, String customerCountry, String customerVatId, boolean vatIdConfirmed,
                       LocalDate supplyDate, boolean pricesIncludeVat, VatRateTable rates) {
    public TaxDecision decide(TaxCategory category) {
        return TaxPolicy.decide(establishment, customerCountry, customerVatId, vatIdConfirmed, category, supplyDate,
                rates);
    }
}
