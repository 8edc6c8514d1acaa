package dev.kassa.server.currency.domain;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Prices a conversion between two currencies from one table of per-euro reference rates.
 *
 * <ul>
 *   <li>cross rate {@code r = rate(to) / rate(from)}, the euro counting as 1, to 20 significant
 *       digits, HALF_EVEN;
 *   <li>effective rate {@code r × (1 − markup)}, the markup in basis points from 0 to 500, to 20
 *       significant digits, HALF_EVEN;
 *   <li>the open side {@code from × effective} or {@code to / effective}, rounded once, HALF_EVEN,
 *       to that currency's minor units.
 * </ul>
 *
 * Converting a currency into itself is the identity: rate 1, no markup, no rate needed.
 * Stateless and thread-safe.
 */
public final class QuoteCalculator {
    /** Precision of the cross and effective rates (at least 12 significant digits are required). */
    public static final MathContext RATE_PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    public static final int MAX_MARKUP_BASIS_POINTS = 500;

    private static final BigDecimal BASIS_POINTS_PER_UNIT = BigDecimal.valueOf(10_000);

    /**
     * The customer fixes what they pay; what reaches the balance is {@code from × effective}.
     *
     * @throws KassaException {@code currency.rate_unavailable} (422) if the table has no rate for
     *     one of the currencies
     * @throws IllegalArgumentException if the amount is negative or the markup outside 0..500
     */
    public Conversion fixingFrom(Money from, CurrencyUnit to, int markupBasisPoints, RateTable rates) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Rates rate = rates(from.currency(), to, markupBasisPoints, rates);
        requireNotNegative(from);
        BigDecimal amount = from.toDecimal().multiply(rate.effective)
                .setScale(to.minorUnits(), RoundingMode.HALF_EVEN);
        return rate.conversion(from, toMoney(amount, to), FixedSide.FROM, rates);
    }

    /**
     * The customer fixes what reaches the balance; what they pay is {@code to / effective}.
     *
     * @throws KassaException {@code currency.rate_unavailable} (422) if the table has no rate for
     *     one of the currencies
     * @throws IllegalArgumentException if the amount is negative or the markup outside 0..500
     */
    public Conversion fixingTo(CurrencyUnit from, Money to, int markupBasisPoints, RateTable rates) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Rates rate = rates(from, to.currency(), markupBasisPoints, rates);
        requireNotNegative(to);
        // divide(..., scale, mode) yields the correctly rounded quotient: one rounding, no
        // intermediate precision to choose.
        BigDecimal amount = to.toDecimal().divide(rate.effective, from.minorUnits(), RoundingMode.HALF_EVEN);
        return rate.conversion(toMoney(amount, from), to, FixedSide.TO, rates);
    }

    /**
     * The effective rate alone, units of {@code to} per unit of {@code from}, without trailing
     * zeros; for showing a rate before an amount is known.
     */
    public BigDecimal effectiveRate(CurrencyUnit from, CurrencyUnit to, int markupBasisPoints, RateTable rates) {
        return rates(from, to, markupBasisPoints, rates).effective;
    }

    private static Rates rates(CurrencyUnit from, CurrencyUnit to, int markupBasisPoints, RateTable rates) {
        Objects.requireNonNull(rates, "rates");
        if (markupBasisPoints < 0 || markupBasisPoints > MAX_MARKUP_BASIS_POINTS) {
            throw new IllegalArgumentException("markup must be 0 to " + MAX_MARKUP_BASIS_POINTS
                    + " basis points, not " + markupBasisPoints);
        }
        if (from.equals(to)) {
            return new Rates(BigDecimal.ONE, 0, BigDecimal.ONE);
        }
        BigDecimal cross = perEuro(to, rates).divide(perEuro(from, rates), RATE_PRECISION);
        BigDecimal keep = BigDecimal.ONE.subtract(
                BigDecimal.valueOf(markupBasisPoints).divide(BASIS_POINTS_PER_UNIT));
        BigDecimal effective = cross.multiply(keep, RATE_PRECISION);
        return new Rates(cross.stripTrailingZeros(), markupBasisPoints, effective.stripTrailingZeros());
    }

    private static BigDecimal perEuro(CurrencyUnit currency, RateTable rates) {
        return rates.rate(currency.code()).orElseThrow(() -> KassaException.unprocessable(
                "currency.rate_unavailable", "No exchange rate",
                "There is no " + currency.code() + " rate in the " + rates.source() + " rates of "
                        + rates.date() + ".")
                .with("currency", currency.code()));
    }

    private static void requireNotNegative(Money amount) {
        if (amount.minor() < 0) {
            throw new IllegalArgumentException("cannot convert a negative amount: " + amount);
        }
    }

    private static Money toMoney(BigDecimal rounded, CurrencyUnit currency) {
        return Money.of(rounded, currency);
    }

    private record Rates(BigDecimal cross, int markupBasisPoints, BigDecimal effective) {
        Conversion conversion(Money from, Money to, FixedSide side, RateTable table) {
            return new Conversion(from, to, side, markupBasisPoints, cross, effective, table.source(), table.date());
        }
    }
}
