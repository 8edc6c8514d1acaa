package dev.kassa.server.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The VAT treatment of one invoice line, kept on the line: the rule applied, the rate in percent,
 * the EN 16931 VAT category code ({@code S} standard rate, {@code AE} reverse charge, {@code O}
 * outside the scope of EU VAT), the exemption reason printed when no VAT is charged, and the date
 * from which the rate table's rate applies (null when no rate was read).
 */
public record TaxDecision(TaxRule rule, BigDecimal rate, String category, String exemptionReason,
                          String rateTableDate) {
    public static final String REVERSE_CHARGE_REASON = "Reverse charge: VAT to be accounted for by the customer"
            + " (Article 196, Council Directive 2006/112/EC)";
    public static final String OUTSIDE_EU_REASON = "VAT not applicable: customer established outside the EU";

    public TaxDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(category, "category");
    }
}
