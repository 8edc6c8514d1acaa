package dev.kassa.server.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A settled amount: integer minor units of one ISO 4217 currency. Never a floating-point number.
 * In JSON it is {@code {"amount": "12.50", "currency": "EUR"}}, the amount a plain decimal string
 * in the currency's own scale. In the database it is two columns, {@code BIGINT} minor units and
 * {@code CHAR(3)} currency; an entity names them with {@code @AttributeOverride}.
 *
 * <p>An immutable value. It is a class rather than a record, and its fields are not final, only
 * because Jakarta Persistence 3.1 (EclipseLink 4) cannot build an embeddable any other way;
 * nothing but JPA's no-argument constructor ever leaves them unset.
 */
@Embeddable
public final class Money implements Comparable<Money> {
    /** At most 15 integer digits; a 4-decimal currency can still overflow a {@code long}, which parse refuses. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?");

    @Column(name = "amount_minor")
    private long minor;
    @Column(name = "currency")
    @Convert(converter = CurrencyCodeConverter.class)
    private CurrencyUnit currency;

    protected Money() {
    }

    public Money(long minor, CurrencyUnit currency) {
        this.minor = minor;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public long minor() {
        return minor;
    }

    public CurrencyUnit currency() {
        return currency;
    }

    public static Money zero(CurrencyUnit currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal string such as {@code "12.50"}. Exponents, signs other than a leading
     * minus, leading zeros, blanks and more decimals than the currency has are refused.
     */
    public static Money parse(String text, CurrencyUnit currency) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new AmountFormatException("amount.invalid",
                    "must be a decimal string such as \"12.50\"");
        }
        // Counted on the text, so that no BigDecimal is built of a thousand decimals: what gets
        // past here has at most 15 + 4 digits.
        int point = text.indexOf('.');
        if (point >= 0 && text.length() - point - 1 > currency.minorUnits()) {
            throw new AmountFormatException("amount.too_many_decimals",
                    currency.code() + " has " + currency.minorUnits() + " decimal places");
        }
        BigDecimal value = new BigDecimal(text);
        try {
            return of(value, currency);
        } catch (ArithmeticException e) {
            throw new AmountFormatException("amount.invalid", "is too large");
        }
    }

    /**
     * An exact decimal with at most the currency's decimals as Money; rounding, where a rule needs
     * it, is the caller's one explicit step before this.
     *
     * @throws ArithmeticException if it has more decimals, or does not fit in a {@code long}
     */
    public static Money of(BigDecimal value, CurrencyUnit currency) {
        return new Money(value.setScale(currency.minorUnits()).movePointRight(currency.minorUnits()).longValueExact(),
                currency);
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.minorUnits());
    }

    /** The amount as a plain decimal string in the currency's scale: {@code "12.50"}, {@code "1000"}. */
    public String amountString() {
        return toDecimal().toPlainString();
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money m && minor == m.minor && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minor, currency);
    }

    @Override
    public String toString() {
        return amountString() + " " + currency.code();
    }

    /** Thrown by {@link #parse}; carries a stable field-error code. */
    public static final class AmountFormatException extends IllegalArgumentException {
        private final String code;

        AmountFormatException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
