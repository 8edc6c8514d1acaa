package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);
    private static final CurrencyUnit BHD = new CurrencyUnit("BHD", 3);
    private static final CurrencyUnit CLF = new CurrencyUnit("CLF", 4);

    @Test
    void parsesAmountsInTheCurrencysScale() {
        assertEquals(new Money(1250, EUR), Money.parse("12.50", EUR));
        assertEquals(new Money(1250, EUR), Money.parse("12.5", EUR));
        assertEquals(new Money(1200, EUR), Money.parse("12", EUR));
        assertEquals(new Money(0, JPY), Money.parse("0", JPY));
        assertEquals(new Money(1000, JPY), Money.parse("1000", JPY));
        assertEquals(new Money(1234, BHD), Money.parse("1.234", BHD));
        assertEquals(new Money(5, BHD), Money.parse("0.005", BHD));
    }

    @Test
    void parsesNegativeAmounts() {
        assertEquals(new Money(-500, EUR), Money.parse("-5.00", EUR));
        assertEquals(new Money(-50, EUR), Money.parse("-0.5", EUR));
    }

    @Test
    void parsesTheLargestAmountWithFifteenIntegerDigits() {
        assertEquals(new Money(99_999_999_999_999_999L, EUR), Money.parse("999999999999999.99", EUR));
        assertEquals(new Money(999_999_999_999_999_999L, BHD), Money.parse("999999999999999.999", BHD));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        Money.AmountFormatException e = assertThrows(Money.AmountFormatException.class,
                () -> Money.parse("12.505", EUR));
        assertEquals("amount.too_many_decimals", e.code());
        assertEquals("EUR has 2 decimal places", e.getMessage());

        assertEquals("amount.too_many_decimals",
                assertThrows(Money.AmountFormatException.class, () -> Money.parse("1.5", JPY)).code());
        assertEquals("amount.too_many_decimals",
                assertThrows(Money.AmountFormatException.class, () -> Money.parse("0.0005", BHD)).code());
    }

    @Test
    void refusesNineteenOrAThousandDecimalsAsTooMany() {
        assertEquals("amount.too_many_decimals", assertThrows(Money.AmountFormatException.class,
                () -> Money.parse("1.0000000000000000001", EUR)).code());
        assertEquals("amount.too_many_decimals", assertThrows(Money.AmountFormatException.class,
                () -> Money.parse("1." + "0".repeat(1000), CLF)).code());
        assertEquals("amount.too_many_decimals", assertThrows(Money.AmountFormatException.class,
                () -> Money.parse("12.500", EUR)).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E3", "1.5e2", " 12", "12 ", "+1", "012", "00", "-012", "NaN", "Infinity",
            "-Infinity", "", " ", "1.", ".5", "-", "1,50", "12.50 EUR", "0x10", "1_000",
            "1000000000000000", "1000000000000000.00", "-1000000000000000", "1e999999999"})
    void refusesWhatIsNotAPlainDecimal(String text) {
        Money.AmountFormatException e = assertThrows(Money.AmountFormatException.class, () -> Money.parse(text, EUR));
        assertEquals("amount.invalid", e.code());
    }

    @Test
    void refusesNull() {
        assertEquals("amount.invalid",
                assertThrows(Money.AmountFormatException.class, () -> Money.parse(null, EUR)).code());
    }

    @Test
    void refusesNonAsciiDigits() {
        // Arabic-Indic digits are digits to Character.isDigit, but not to an API.
        assertEquals("amount.invalid",
                assertThrows(Money.AmountFormatException.class, () -> Money.parse("\u0661\u0662", EUR)).code());
    }

    @Test
    void refusesAnAmountThatDoesNotFitInALongForAFourDecimalCurrency() {
        Money.AmountFormatException e = assertThrows(Money.AmountFormatException.class,
                () -> Money.parse("999999999999999.9999", CLF));
        assertEquals("amount.invalid", e.code());
    }

    @Test
    void formatsInTheCurrencysScale() {
        assertEquals("0.50", new Money(50, EUR).amountString());
        assertEquals("12.50", new Money(1250, EUR).amountString());
        assertEquals("0.00", new Money(0, EUR).amountString());
        assertEquals("-5.00", new Money(-500, EUR).amountString());
        assertEquals("1000", new Money(1000, JPY).amountString());
        assertEquals("0.005", new Money(5, BHD).amountString());
        assertEquals("92233720368547758.07", new Money(Long.MAX_VALUE, EUR).amountString());
        assertEquals("12.50 EUR", new Money(1250, EUR).toString());
    }

    @Test
    void formattingAndParsingRoundTrip() {
        for (String text : new String[] {"0.01", "12.34", "999999999999999.99", "-7.10"}) {
            assertEquals(text, Money.parse(text, EUR).amountString());
        }
    }

    @Test
    void addsAndSubtractsInOneCurrency() {
        assertEquals(new Money(1750, EUR), new Money(1250, EUR).plus(new Money(500, EUR)));
        assertEquals(new Money(750, EUR), new Money(1250, EUR).minus(new Money(500, EUR)));
        assertEquals(new Money(-1, EUR), new Money(0, EUR).minus(new Money(1, EUR)));
        assertEquals(new Money(-1250, EUR), new Money(1250, EUR).negate());
        assertEquals(new Money(3, EUR), new Money(3, EUR).min(new Money(4, EUR)));
        assertEquals(new Money(3, EUR), new Money(4, EUR).min(new Money(3, EUR)));
    }

    @Test
    void comparesByAmount() {
        assertEquals(-1, new Money(1, EUR).compareTo(new Money(2, EUR)));
        assertEquals(0, new Money(2, EUR).compareTo(new Money(2, EUR)));
        assertEquals(1, new Money(3, EUR).compareTo(new Money(2, EUR)));
    }

    @Test
    void refusesArithmeticAcrossCurrencies() {
        Money eur = new Money(100, EUR);
        Money usd = new Money(100, USD);
        assertThrows(IllegalArgumentException.class, () -> eur.plus(usd));
        assertThrows(IllegalArgumentException.class, () -> eur.minus(usd));
        assertThrows(IllegalArgumentException.class, () -> eur.compareTo(usd));
        assertThrows(IllegalArgumentException.class, () -> eur.min(usd));
        // Same code, different scale, is not the same currency either.
        assertThrows(IllegalArgumentException.class, () -> eur.plus(new Money(100, new CurrencyUnit("EUR", 3))));
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Money max = new Money(Long.MAX_VALUE, EUR);
        Money min = new Money(Long.MIN_VALUE, EUR);
        assertThrows(ArithmeticException.class, () -> max.plus(new Money(1, EUR)));
        assertThrows(ArithmeticException.class, () -> min.minus(new Money(1, EUR)));
        assertThrows(ArithmeticException.class, min::negate);
    }

    @Test
    void knowsItsSign() {
        assertEquals(true, new Money(1, EUR).isPositive());
        assertEquals(false, new Money(0, EUR).isPositive());
        assertEquals(false, new Money(-1, EUR).isPositive());
        assertEquals(true, Money.zero(EUR).isZero());
        assertEquals(new Money(0, JPY), Money.zero(JPY));
    }

    @Test
    void requiresACurrency() {
        assertThrows(NullPointerException.class, () -> new Money(1, null));
    }
}
