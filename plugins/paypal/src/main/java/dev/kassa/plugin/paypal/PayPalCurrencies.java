package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.Amount;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * The currencies PayPal takes, and amounts between ISO 4217 minor units and PayPal's decimal strings.
 *
 * <p>PayPal takes HUF and TWD only in whole units although ISO 4217 gives them two decimals: an
 * amount with cents in them is refused ({@link #represents}), never rounded. JPY has no decimals in
 * either.
 */
final class PayPalCurrencies {
    /** PayPal's list of currencies for payments and refunds (REST API currency codes). */
    static final Set<String> CODES = Set.of("AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS",
            "JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");

    private static final Set<String> WHOLE_UNITS_ONLY = Set.of("HUF", "TWD");

    private PayPalCurrencies() {
    }

    static boolean represents(Amount amount) {
        if (!CODES.contains(amount.currency())) {
            return false;
        }
        if (WHOLE_UNITS_ONLY.contains(amount.currency())) {
            return amount.minor() % BigDecimal.TEN.pow(digits(amount.currency())).longValueExact() == 0;
        }
        return true;
    }

    /** {@code Amount(4200, "EUR")} is {@code "42.00"}; {@code Amount(4242, "JPY")} is {@code "4242"}; 1,000.00 HUF is {@code "1000"}. */
    static String value(Amount amount) {
        BigDecimal value = BigDecimal.valueOf(amount.minor(), digits(amount.currency()));
        if (WHOLE_UNITS_ONLY.contains(amount.currency())) {
            value = value.setScale(0); // throws rather than rounds: represents() was asked first
        }
        return value.toPlainString();
    }

    /** PayPal's {@code {"currency_code", "value"}} read back into ISO 4217 minor units, exactly. */
    static Amount amount(String currency, String value) {
        BigDecimal decimal = new BigDecimal(value).setScale(digits(currency));
        return new Amount(decimal.unscaledValue().longValueExact(), currency);
    }

    private static int digits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
