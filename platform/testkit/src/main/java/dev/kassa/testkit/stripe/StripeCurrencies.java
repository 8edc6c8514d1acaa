package dev.kassa.testkit.stripe;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What Stripe's currencies reference says about amounts, as the fake checks them: the decimals
 * Stripe counts a currency in (zero-decimal currencies 0; BHD, JOD, KWD, OMR, TND 3; every other,
 * ISK included, 2), that ISK amounts are whole krónur (divisible by 100) and that three-decimal
 * amounts end in 0. Kept apart from the plugin's own table on purpose: the fake is the oracle
 * that catches a plugin sending ISO 4217 minor units where Stripe counts otherwise.
 */
final class StripeCurrencies {
    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
            "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");
    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    private StripeCurrencies() {
    }

    /** How many decimals Stripe counts {@code currency} in (any case). */
    static int decimals(String currency) {
        String code = currency.toLowerCase(Locale.ROOT);
        return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /** Stripe's error for a charge or refund amount it does not take in {@code currency}; empty if it takes it. */
    static Optional<FakeResponse> refusal(long amount, String currency) {
        String code = currency.toLowerCase(Locale.ROOT);
        if (code.equals("isk") && amount % 100 != 0) {
            return Optional.of(FakeResponse.invalidRequest(400, "invalid_charge_amount_no_decimal_compatible",
                    "Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be "
                            + "evenly divisible by 100."));
        }
        if (THREE_DECIMAL.contains(code) && amount % 10 != 0) {
            return Optional.of(FakeResponse.invalidRequest(400, "invalid_charge_amount",
                    "Invalid amount. Amounts in " + code + " must end in 0 (three-decimal currencies are charged in"
                            + " multiples of 10)."));
        }
        return Optional.empty();
    }

    /**
     * A Stripe amount in ISO 4217 minor units (as {@link Currency#getDefaultFractionDigits()}
     * counts them): {@code 500000} ISK is 5,000 ISK, so 5000.
     *
     * @throws IllegalArgumentException if it is not a whole number of them
     */
    static long toIsoMinor(long stripeAmount, String currency) {
        int iso = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        int shift = iso - decimals(currency);
        long factor = 1;
        for (int i = 0; i < Math.abs(shift); i++) {
            factor *= 10;
        }
        if (shift >= 0) {
            return Math.multiplyExact(stripeAmount, factor);
        }
        if (stripeAmount % factor != 0) {
            throw new IllegalArgumentException(stripeAmount + " " + currency + " is no whole ISO amount");
        }
        return stripeAmount / factor;
    }
}
