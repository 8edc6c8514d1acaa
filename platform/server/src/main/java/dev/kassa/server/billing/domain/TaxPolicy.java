package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.KassaException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The EU VAT place-of-supply rules for services, as Kassa applies them today. A customer in another
 * member state is a business (reverse charge) only when VIES confirmed its VAT ID; a VAT ID that VIES
 * has not confirmed (pending, or invalid) is charged as a consumer is, so that the seller never
 * collects less VAT than it owes. Distance-selling thresholds (the EUR 10,000 below which a seller may charge its own
 * rate to consumers abroad) are not applied: consumers in another member state always pay their
 * own country's rate.
 */
public final class TaxPolicy {
    private TaxPolicy() {
    }

    /**
     * The decision for a line supplied on {@code supplyDate}.
     *
     * @param establishment the seller's member state
     * @param customerCountry the payer's country
     * @param customerVatId the payer's VAT ID, or null for a consumer
     * @param vatIdConfirmed whether VIES said the VAT ID is valid
     * @throws KassaException 422 {@code billing.vat_rate_unknown} when the table has no rate for the country and date
     */
    public static TaxDecision decide(String establishment, String customerCountry, String customerVatId,
                                     boolean vatIdConfirmed, TaxCategory category, LocalDate supplyDate,
                                     VatRateTable rates) {
        if (!EuMemberStates.contains(customerCountry)) {
            return new TaxDecision(TaxRule.OUTSIDE_EU, BigDecimal.ZERO, "O", TaxDecision.OUTSIDE_EU_REASON, null);
        }
        boolean business = customerVatId != null && !customerVatId.isBlank() && vatIdConfirmed;
        if (customerCountry.equals(establishment)) {
            return rated(TaxRule.DOMESTIC, establishment, supplyDate, rates);
        }
        if (business) {
            return new TaxDecision(TaxRule.REVERSE_CHARGE, BigDecimal.ZERO, "AE", TaxDecision.REVERSE_CHARGE_REASON,
                    null);
        }
        return rated(TaxRule.B2C_DESTINATION, customerCountry, supplyDate, rates);
    }

    private static TaxDecision rated(TaxRule rule, String country, LocalDate date, VatRateTable rates) {
        VatRateTable.Rate rate = rates.standardRate(country, date).orElseThrow(() -> KassaException.unprocessable(
                "billing.vat_rate_unknown", "No VAT rate", "The VAT rate table has no standard rate for " + country
                        + " on " + date + "."));
        return new TaxDecision(rule, rate.percent(), "S", null, rate.effectiveFrom());
    }
}
