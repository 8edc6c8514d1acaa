package dev.kassa.server.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Net, VAT and gross of one line in minor units. The line's amount is quantity times unit price,
 * exact. VAT is rounded once per line, half up to the minor unit: on net prices VAT = net × rate,
 * on prices that include VAT VAT = gross × rate / (100 + rate) and net = gross − VAT. An invoice's
 * totals are the sums of its lines, so they always add up.
 */
public record LineAmounts(long net, long vat, long gross) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static LineAmounts of(long quantity, long unitPriceMinor, BigDecimal ratePercent, boolean pricesIncludeVat) {
        long amount = Math.multiplyExact(quantity, unitPriceMinor);
        BigDecimal base = BigDecimal.valueOf(amount);
        if (pricesIncludeVat) {
            long vat = base.multiply(ratePercent).divide(HUNDRED.add(ratePercent), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            return new LineAmounts(Math.subtractExact(amount, vat), vat, amount);
        }
        long vat = base.multiply(ratePercent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        return new LineAmounts(amount, vat, Math.addExact(amount, vat));
    }
}
