package dev.kassa.server.currency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteCalculatorTest {
    static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    static final CurrencyUnit GBP = new CurrencyUnit("GBP", 2);
    static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);
    static final CurrencyUnit BHD = new CurrencyUnit("BHD", 3);
    static final LocalDate APRIL_3 = LocalDate.of(2025, 4, 3);

    /** The ECB's rates of 2025-04-03, as in eurofxref-daily_2025-04-03.xml. */
    static final RateTable ECB = new RateTable("ecb", APRIL_3, Map.of(
            "USD", new BigDecimal("1.1097"),
            "JPY", new BigDecimal("162.17"),
            "GBP", new BigDecimal("0.84163"),
            "PLN", new BigDecimal("4.1960")));

    /** 1 EUR = 1.1 USD, 10.5 JPY, 0.0125 BHD, 2 GBP: products that end exactly on half a minor unit. */
    static final RateTable TIES = new RateTable("test", APRIL_3, Map.of("USD", new BigDecimal("1.1"),
            "JPY", new BigDecimal("10.5"), "BHD", new BigDecimal("0.0125"), "GBP", new BigDecimal("2")));

    private final QuoteCalculator calculator = new QuoteCalculator();

    static Money money(String amount, CurrencyUnit currency) {
        return Money.parse(amount, currency);
    }

    @Test
    void euroToDollarUsesThePublishedRate() {
        Conversion c = calculator.fixingFrom(money("100.00", EUR), USD, 0, ECB);

        assertEquals(money("100.00", EUR), c.from());
        assertEquals(money("110.97", USD), c.to());
        assertEquals("1.1097", c.effectiveRate().toPlainString());
        assertEquals("1.1097", c.crossRate().toPlainString());
        assertEquals(FixedSide.FROM, c.fixedSide());
        assertEquals(0, c.markupBasisPoints());
        assertEquals("ecb", c.rateSource());
        assertEquals(APRIL_3, c.rateDate());
        assertEquals(c.from(), c.fixed());
        assertEquals(c.to(), c.calculated());
    }

    @Test
    void dollarToEuroDividesBy20SignificantDigits() {
        Conversion c = calculator.fixingFrom(money("100.00", USD), EUR, 0, ECB);

        assertEquals(money("90.11", EUR), c.to());
        // 1 / 1.1097 = 0.901144453455888979000(...)
        assertEquals("0.901144453455888979", c.effectiveRate().toPlainString());
        assertEquals(20, new BigDecimal("0.90114445345588897900").precision());
    }

    @Test
    void dollarToPoundGoesThroughTheEuro() {
        Conversion c = calculator.fixingFrom(money("100.00", USD), GBP, 0, ECB);

        // 0.84163 / 1.1097 to 20 digits
        assertEquals("0.7584302063620798414", c.effectiveRate().toPlainString());
        assertEquals(money("75.84", GBP), c.to());
    }

    @Test
    void yenHasNoMinorUnits() {
        assertEquals(money("1622", JPY), calculator.fixingFrom(money("10.00", EUR), JPY, 0, ECB).to());
        // 12.34 × 162.17 = 2001.1778
        assertEquals(money("2001", JPY), calculator.fixingFrom(money("12.34", EUR), JPY, 0, ECB).to());
        // 1000 / 162.17 = 6.1663...
        assertEquals(money("6.17", EUR), calculator.fixingFrom(money("1000", JPY), EUR, 0, ECB).to());
        // 10.00 USD credited: 10 / (1.1097 / 162.17) = 1461.38...
        assertEquals(money("1461", JPY), calculator.fixingTo(JPY, money("10.00", USD), 0, ECB).from());
    }

    @Test
    void dinarHasThreeMinorUnits() {
        // BHD is not in the ECB's list: a tenant's own table (1 EUR = 0.4183 BHD)
        RateTable table = new RateTable("manual", APRIL_3, Map.of("BHD", new BigDecimal("0.4183"),
                "USD", new BigDecimal("1.1097")));

        assertEquals(money("41.830", BHD), calculator.fixingFrom(money("100.00", EUR), BHD, 0, table).to());
        // 25.00 USD × 0.4183 / 1.1097 = 9.42372...
        assertEquals(money("9.424", BHD), calculator.fixingFrom(money("25.00", USD), BHD, 0, table).to());
        // 10.000 BHD credited from euros: 10 / 0.4183 = 23.9063...
        assertEquals(money("23.91", EUR), calculator.fixingTo(EUR, money("10.000", BHD), 0, table).from());
    }

    @ParameterizedTest(name = "{0} EUR -> {1} {2}")
    @CsvSource({
        // from,  currency, expected (exact product)
        "12.35,   USD,  13.58",  // 13.585: 8 is even, down (HALF_UP would say 13.59)
        "12.45,   USD,  13.70",  // 13.695: 9 is odd, up
        "0.15,    USD,  0.16",   // 0.165
        "0.05,    USD,  0.06",   // 0.055
        "1.00,    JPY,  10",     // 10.5
        "3.00,    JPY,  32",     // 31.5
        "0.20,    BHD,  0.002",  // 0.0025
        "0.60,    BHD,  0.008",  // 0.0075
    })
    void theOpenSideRoundsHalfToEvenOnATie(String from, String currency, String expected) {
        CurrencyUnit to = switch (currency) {
            case "USD" -> USD;
            case "JPY" -> JPY;
            default -> BHD;
        };

        assertEquals(money(expected, to), calculator.fixingFrom(money(from, EUR), to, 0, TIES).to());
    }

    @Test
    void aTieAlsoRoundsToEvenWhenTheCustomerFixesWhatReachesTheBalance() {
        // 1 EUR = 2 GBP: 0.01 GBP needs 0.005 EUR, 0.03 GBP needs 0.015 EUR
        assertEquals(money("0.00", EUR), calculator.fixingTo(EUR, money("0.01", GBP), 0, TIES).from());
        assertEquals(money("0.02", EUR), calculator.fixingTo(EUR, money("0.03", GBP), 0, TIES).from());
        assertEquals(money("0.02", EUR), calculator.fixingTo(EUR, money("0.05", GBP), 0, TIES).from());
    }

    @ParameterizedTest(name = "markup {0} bp")
    @CsvSource({
        // markup, effective rate, 100.00 EUR paid gives, 100.00 USD credited costs
        "0,     1.1097,     110.97, 90.11",
        "150,   1.0930545,  109.31, 91.49",  // 1.1097 × 0.985; 109.30545
        "500,   1.054215,   105.42, 94.86",  // 1.1097 × 0.95;  105.4215
    })
    void theMarkupLowersTheRateTheCustomerGets(int markup, String effective, String paidGives, String creditedCosts) {
        Conversion paying = calculator.fixingFrom(money("100.00", EUR), USD, markup, ECB);
        Conversion crediting = calculator.fixingTo(EUR, money("100.00", USD), markup, ECB);

        assertEquals(effective, paying.effectiveRate().toPlainString());
        assertEquals("1.1097", paying.crossRate().toPlainString());
        assertEquals(markup, paying.markupBasisPoints());
        assertEquals(money(paidGives, USD), paying.to());
        assertEquals(money(creditedCosts, EUR), crediting.from());
        assertEquals(FixedSide.TO, crediting.fixedSide());
        assertEquals(money("100.00", USD), crediting.fixed());
    }

    @Test
    void theCustomerCanFixEitherSide() {
        Conversion paying = calculator.fixingFrom(money("100.00", USD), EUR, 150, ECB);
        Conversion crediting = calculator.fixingTo(USD, money("50.00", EUR), 150, ECB);

        // (1 / 1.1097) × 0.985, rounded to 20 digits
        assertEquals("0.88762728665405064432", paying.effectiveRate().toPlainString());
        assertEquals(money("88.76", EUR), paying.to());
        // 50 / 0.88762728665405064432 = 56.3299...
        assertEquals(money("56.33", USD), crediting.from());
        assertEquals(money("50.00", EUR), crediting.to());
    }

    @Test
    void theOpenSideIsDerivedFromTheRoundedEffectiveRate() {
        // 50 × 1.1097 = 55.485 would round to 55.48, but the rule divides by the stored
        // 20-digit rate 0.901144453455888979, giving 55.48500000000000000021, so 55.49
        Conversion c = calculator.fixingTo(USD, money("50.00", EUR), 0, ECB);

        assertEquals(money("55.49", USD), c.from());
        assertEquals(c.from().currency(), USD);
    }

    @Test
    void theSameCurrencyIsTheIdentity() {
        Conversion c = calculator.fixingFrom(money("123.45", USD), USD, 500, ECB);

        assertEquals(money("123.45", USD), c.to());
        assertEquals("1", c.effectiveRate().toPlainString());
        assertEquals("1", c.crossRate().toPlainString());
        assertEquals(0, c.markupBasisPoints());
        // no BHD rate needed to pay BHD into a BHD balance
        assertEquals(money("7.125", BHD), calculator.fixingTo(BHD, money("7.125", BHD), 150, ECB).from());
        assertEquals(money("10.00", EUR), calculator.fixingTo(EUR, money("10.00", EUR), 0, ECB).from());
    }

    @Test
    void zeroConvertsToZero() {
        assertEquals(Money.zero(JPY), calculator.fixingFrom(Money.zero(EUR), JPY, 150, ECB).to());
    }

    @Test
    void aCurrencyWithoutARateIsRefusedWithAStableCode() {
        KassaException e = assertThrows(KassaException.class,
                () -> calculator.fixingFrom(money("10.00", EUR), BHD, 0, ECB));

        assertEquals("currency.rate_unavailable", e.code());
        assertEquals(422, e.status());
        assertEquals("BHD", e.extensions().get("currency"));
        assertThrows(KassaException.class, () -> calculator.fixingTo(BHD, money("10.00", EUR), 0, ECB));
    }

    @Test
    void refusesAMarkupOutsideZeroToFiveHundredAndNegativeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> calculator.fixingFrom(money("1.00", EUR), USD, 501, ECB));
        assertThrows(IllegalArgumentException.class, () -> calculator.fixingFrom(money("1.00", EUR), USD, -1, ECB));
        assertThrows(IllegalArgumentException.class, () -> calculator.fixingTo(EUR, money("-1.00", USD), 0, ECB));
    }

    @Test
    void theRateAloneMatchesTheRateOfAConversion() {
        assertEquals(calculator.fixingFrom(money("1.00", USD), GBP, 150, ECB).effectiveRate(),
                calculator.effectiveRate(USD, GBP, 150, ECB));
        assertEquals("0.74705375326664864378", calculator.effectiveRate(USD, GBP, 150, ECB).toPlainString());
    }
}
