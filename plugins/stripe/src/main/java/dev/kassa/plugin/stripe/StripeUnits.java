package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.Amount;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Amounts between ISO 4217 minor units, which the platform counts in, and the units Stripe counts
 * in ("minor units in API amounts" and "special cases" of Stripe's currencies reference). Never
 * rounds: an amount Stripe cannot take exactly has no Stripe amount.
 *
 * <table>
 * <caption>ISO 4217 minor units and Stripe's units</caption>
 * <tr><th>currencies</th><th>ISO 4217</th><th>Stripe</th><th>so</th></tr>
 * <tr><td>most (EUR, USD, ..., and HUF, TWD)</td><td>2</td><td>2</td><td>as they are</td></tr>
 * <tr><td>Stripe's zero-decimal currencies: BIF, CLP, DJF, GNF, JPY, KMF, KRW, PYG, RWF, UGX, VND,
 *     VUV, XAF, XOF, XPF</td><td>0</td><td>0</td><td>as they are</td></tr>
 * <tr><td>MGA, zero-decimal at Stripe</td><td>2</td><td>0</td><td>whole ariary only: 15.00 MGA is 15</td></tr>
 * <tr><td>ISK</td><td>0</td><td>2, in multiples of 100</td><td>times 100: 5,000 ISK is 500000</td></tr>
 * <tr><td>BHD, JOD, KWD, OMR, TND</td><td>3</td><td>3, last digit 0</td><td>as they are, in steps of
 *     10: 1.250 KWD is 1250, 1.255 KWD cannot be sent</td></tr>
 * <tr><td>any other whose ISO minor units are not 2 (IQD, LYD, CLF, UYI ...), or that the JDK
 *     does not know (UYW)</td><td>0, 3, 4</td><td>unknown</td><td>not taken: Stripe does not list
 *     them, and their units there would be a guess</td></tr>
 * </table>
 *
 * <p>HUF and TWD are zero-decimal at Stripe only for payouts (which must then be divisible by
 * 100); charges and refunds take two decimals, so they pass as they are. Payouts are the
 * tenant's business with Stripe, not Kassa's. Amounts Stripe reports back (amounts received) are
 * converted the other way, and are exact whenever Stripe kept its own rules.
 *
 * <p>ISO minor units come from {@link Currency#getDefaultFractionDigits()}, the JDK's copy of ISO
 * 4217, which matches the platform's list.
 */
final class StripeUnits {
    /** The decline (or refund failure) code for an amount Stripe cannot take exactly. */
    static final String NOT_REPRESENTABLE = "amount_not_representable";

    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    private static final String ISK = "ISK";
    private static final Set<String> CURRENCIES = supported();

    /**
     * How one currency is counted: {@code stripeDigits - isoDigits} decimal places more at Stripe
     * (negative: fewer), and Stripe takes only multiples of {@code stripeStep}.
     */
    private record Rule(int isoDigits, int stripeDigits, long stripeStep, String why) {
    }

    private StripeUnits() {
    }

    /** The ISO codes Stripe can be sent amounts in, by the rules above. */
    static Set<String> currencies() {
        return CURRENCIES;
    }

    /** Whether {@code amount} can go to Stripe exactly. */
    static boolean represents(Amount amount) {
        return toStripe(amount).isPresent();
    }

    /** {@code amount} in Stripe's units; empty if Stripe cannot take it exactly. */
    static OptionalLong toStripe(Amount amount) {
        Optional<Rule> rule = rule(amount.currency());
        if (rule.isEmpty()) {
            return OptionalLong.empty();
        }
        int shift = rule.get().stripeDigits() - rule.get().isoDigits();
        try {
            long units = shift >= 0 ? Math.multiplyExact(amount.minor(), pow10(shift)) : exactDivision(amount.minor(),
                    pow10(-shift));
            return units % rule.get().stripeStep() == 0 ? OptionalLong.of(units) : OptionalLong.empty();
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * An amount Stripe reports ({@code amount_received}), in ISO minor units; empty if it is not a
     * whole number of them (half a króna), which Stripe's own rules rule out.
     *
     * @param currency as Stripe writes it ({@code "isk"}) or in upper case
     */
    static Optional<Amount> fromStripe(long units, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        Optional<Rule> rule = rule(code);
        if (rule.isEmpty() || units < 0) {
            return Optional.empty();
        }
        int shift = rule.get().isoDigits() - rule.get().stripeDigits();
        try {
            long minor = shift >= 0 ? Math.multiplyExact(units, pow10(shift)) : exactDivision(units, pow10(-shift));
            return Optional.of(new Amount(minor, code));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Why Stripe cannot take {@code amount}, for a reason shown to people; null if it can. */
    static String whyNot(Amount amount) {
        if (represents(amount)) {
            return null;
        }
        return rule(amount.currency())
                .map(rule -> "Stripe cannot charge exactly " + amount.minor() + " minor units of " + amount.currency()
                        + ": " + rule.why() + ".")
                .orElse("Stripe's units for " + amount.currency() + " are not known.");
    }

    private static Optional<Rule> rule(String currency) {
        int iso;
        try {
            iso = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (iso < 0) {
            return Optional.empty(); // gold, SDR, testing codes: not money a card pays
        }
        if (ZERO_DECIMAL.contains(currency)) {
            return Optional.of(new Rule(iso, 0, 1, "Stripe takes " + currency + " in whole units only"));
        }
        if (ISK.equals(currency)) {
            return Optional.of(new Rule(iso, 2, 100, "Stripe takes ISK in whole krónur only"));
        }
        if (THREE_DECIMAL.contains(currency)) {
            return Optional.of(new Rule(iso, 3, 10, "Stripe takes " + currency + " only in steps of 0.010"));
        }
        return iso == 2 ? Optional.of(new Rule(2, 2, 1, "")) : Optional.empty();
    }

    private static Set<String> supported() {
        Set<String> codes = new TreeSet<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            if (rule(currency.getCurrencyCode()).isPresent()) {
                codes.add(currency.getCurrencyCode());
            }
        }
        return Set.copyOf(codes);
    }

    private static long exactDivision(long value, long divisor) {
        if (value % divisor != 0) {
            throw new ArithmeticException(value + " is not a multiple of " + divisor);
        }
        return value / divisor;
    }

    private static long pow10(int n) {
        long result = 1;
        for (int i = 0; i < n; i++) {
            result = Math.multiplyExact(result, 10);
        }
        return result;
    }
}
