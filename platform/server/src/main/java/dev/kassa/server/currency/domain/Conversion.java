package dev.kassa.server.currency.domain;

import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A priced currency conversion and everything it was priced from, to be stored beside the
 * result: the customer pays {@code from} and {@code to} reaches the balance.
 *
 * <p>The calculated side is exactly {@code from × effectiveRate} (or {@code to ÷ effectiveRate})
 * rounded once, HALF_EVEN, to its currency's minor units, so it can be re-derived from the stored
 * rate. Rates carry no trailing zeros: {@code effectiveRate().toPlainString()} reads
 * {@code "1.0930545"}, not {@code "1.09305450"}. The per-euro rates themselves are in the table
 * named by {@code rateSource} and {@code rateDate}.
 *
 * @param from what the customer pays
 * @param to what reaches the balance
 * @param fixedSide which of the two the customer chose; the other was calculated
 * @param markupBasisPoints the markup applied, 0 to 500 (always 0 when both currencies are the same)
 * @param crossRate units of {@code to} per unit of {@code from} at the reference rates, 20
 *     significant digits
 * @param effectiveRate {@code crossRate × (1 − markup)}, 20 significant digits
 * @param rateSource the rate table's source, e.g. {@code "ecb"}
 * @param rateDate the rate table's date
 */
public record Conversion(
        Money from,
        Money to,
        FixedSide fixedSide,
        int markupBasisPoints,
        BigDecimal crossRate,
        BigDecimal effectiveRate,
        String rateSource,
        LocalDate rateDate) {

    public Conversion {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fixedSide, "fixedSide");
        Objects.requireNonNull(crossRate, "crossRate");
        Objects.requireNonNull(effectiveRate, "effectiveRate");
        Objects.requireNonNull(rateSource, "rateSource");
        Objects.requireNonNull(rateDate, "rateDate");
    }

    /** The amount the customer chose. */
    public Money fixed() {
        return fixedSide == FixedSide.FROM ? from : to;
    }

    /** The amount that was calculated. */
    public Money calculated() {
        return fixedSide == FixedSide.FROM ? to : from;
    }
}
