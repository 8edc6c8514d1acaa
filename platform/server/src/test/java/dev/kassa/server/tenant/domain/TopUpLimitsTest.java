package dev.kassa.server.tenant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopUpLimitsTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);
    private static final CurrencyUnit BHD = new CurrencyUnit("BHD", 3);
    private static final CurrencyUnit USD = new CurrencyUnit("USD", 2);

    @Test
    void defaultsFollowTheProductDocuments() {
        TopUpLimits limits = TopUpLimits.defaults(EUR);
        assertEquals(Money.parse("0.50", EUR), limits.minimum());
        assertEquals(Money.parse("15000.00", EUR), limits.maximum());
        assertEquals(List.of(eur("100"), eur("200"), eur("500"), eur("1000")), limits.presets());
    }

    @Test
    void defaultsInACurrencyWithoutMinorUnitsStartAtOne() {
        TopUpLimits limits = TopUpLimits.defaults(JPY);
        assertEquals(new Money(1, JPY), limits.minimum());
        assertEquals(new Money(15_000, JPY), limits.maximum());
        assertEquals(List.of(new Money(100, JPY), new Money(200, JPY), new Money(500, JPY), new Money(1000, JPY)),
                limits.presets());
    }

    @Test
    void defaultsInAThreeDecimalCurrency() {
        TopUpLimits limits = TopUpLimits.defaults(BHD);
        assertEquals("0.500", limits.minimum().amountString());
        assertEquals("15000.000", limits.maximum().amountString());
        assertEquals("100.000", limits.presets().get(0).amountString());
    }

    @Test
    void allowsTheBoundariesInclusive() {
        TopUpLimits limits = TopUpLimits.defaults(EUR);
        assertTrue(limits.allows(eur("0.50")));
        assertTrue(limits.allows(eur("15000.00")));
        assertTrue(limits.allows(eur("100")));
        assertFalse(limits.allows(eur("0.49")));
        assertFalse(limits.allows(eur("15000.01")));
        assertFalse(limits.allows(eur("0")));
        assertFalse(limits.allows(eur("-1")));
    }

    @Test
    void minimumMayEqualMaximum() {
        TopUpLimits limits = new TopUpLimits(eur("10"), eur("10"), List.of(eur("10")));
        assertTrue(limits.allows(eur("10")));
        assertFalse(limits.allows(eur("9.99")));
        assertFalse(limits.allows(eur("10.01")));
    }

    @Test
    void noPresetsIsFine() {
        assertEquals(List.of(), new TopUpLimits(eur("1"), eur("2"), List.of()).presets());
    }

    @Test
    void refusesAMinimumAboveTheMaximum() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("100.01"), eur("100"), List.of()));
        assertEquals(422, e.status());
        assertEquals("request.invalid", e.code());
        assertEquals(List.of(new FieldError("minimum.amount", "topup.minimum_above_maximum",
                "must not be above the maximum 100.00 EUR")), e.errors());
    }

    @Test
    void refusesANonPositiveMinimum() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("0"), eur("100"), List.of()));
        assertEquals(List.of("amount.not_positive"), codes(e));
    }

    @Test
    void refusesPresetsOutsideTheRange() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("10"), eur("100"), List.of(eur("9.99"), eur("10"), eur("100"), eur("100.01"))));
        assertEquals(422, e.status());
        assertEquals(List.of("presets[0].amount", "presets[3].amount"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("topup.preset_out_of_range", "topup.preset_out_of_range"), codes(e));
    }

    @Test
    void refusesADuplicatePreset() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("1"), eur("100"), List.of(eur("10"), eur("20"), eur("10.00"))));
        assertEquals(List.of(new FieldError("presets[2].amount", "duplicate", "is listed twice")), e.errors());
    }

    @Test
    void refusesAPresetInAnotherCurrency() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("1"), eur("100"), List.of(new Money(1000, USD))));
        assertEquals(List.of(new FieldError("presets[0].currency", "currency.mismatch", "must be EUR")), e.errors());
    }

    @Test
    void refusesMoreThanTwelvePresets() {
        List<Money> thirteen = java.util.stream.LongStream.rangeClosed(1, 13).mapToObj(n -> new Money(n * 100, EUR))
                .toList();
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("1"), eur("100"), thirteen));
        assertEquals(List.of("too_many"), codes(e));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        KassaException e = assertThrows(KassaException.class,
                () -> new TopUpLimits(eur("0"), eur("100"), List.of(eur("200"))));
        assertEquals(List.of("amount.not_positive", "topup.preset_out_of_range"), codes(e));
    }

    @Test
    void keepsItsOwnCopyOfThePresets() {
        List<Money> presets = new java.util.ArrayList<>(List.of(eur("10")));
        TopUpLimits limits = new TopUpLimits(eur("1"), eur("100"), presets);
        presets.add(eur("20"));
        assertEquals(List.of(eur("10")), limits.presets());
        assertThrows(UnsupportedOperationException.class, () -> limits.presets().add(eur("30")));
    }

    @Test
    void requireCurrencyRefusesLimitsInAnotherCurrency() {
        TopUpLimits limits = TopUpLimits.defaults(EUR);
        limits.requireCurrency(EUR);
        KassaException e = assertThrows(KassaException.class, () -> limits.requireCurrency(USD));
        assertEquals(List.of("minimum.currency", "maximum.currency"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("currency.mismatch", "currency.mismatch"), codes(e));
    }

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }

    private static List<String> codes(KassaException e) {
        return e.errors().stream().map(FieldError::code).toList();
    }
}
