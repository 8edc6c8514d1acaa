package dev.kassa.plugin.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.payment.Amount;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** ISO 4217 minor units to Stripe's units and back, by Stripe's currencies reference. */
class StripeUnitsTest {

    private static OptionalLong toStripe(long minor, String currency) {
        return StripeUnits.toStripe(new Amount(minor, currency));
    }

    @Test
    void twoDecimalCurrenciesPassAsTheyAre() {
        assertEquals(OptionalLong.of(1_250), toStripe(1_250, "EUR"));
        assertEquals(OptionalLong.of(1), toStripe(1, "USD"));
        assertEquals(Optional.of(new Amount(1_250, "EUR")), StripeUnits.fromStripe(1_250, "eur"));
    }

    @Test
    void zeroDecimalCurrenciesPassAsTheyAre() {
        assertEquals(OptionalLong.of(4_242), toStripe(4_242, "JPY"));
        assertEquals(OptionalLong.of(50_000), toStripe(50_000, "KRW"));
        assertEquals(OptionalLong.of(3_700), toStripe(3_700, "UGX"));
        assertEquals(Optional.of(new Amount(4_242, "JPY")), StripeUnits.fromStripe(4_242, "jpy"));
    }

    @Test
    void iskIsCountedInHundredthsAtStripe() {
        assertEquals(OptionalLong.of(500_000), toStripe(5_000, "ISK"), "5,000 ISK");
        assertEquals(OptionalLong.of(424_200), toStripe(4_242, "ISK"));
        assertEquals(Optional.of(new Amount(5_000, "ISK")), StripeUnits.fromStripe(500_000, "isk"));
        assertEquals(Optional.empty(), StripeUnits.fromStripe(424_250, "isk"), "half a króna is no ISO amount");
    }

    @Test
    void threeDecimalCurrenciesMustEndInZeroAndAreNeverRounded() {
        for (String currency : new String[] {"BHD", "JOD", "KWD", "OMR", "TND"}) {
            assertEquals(OptionalLong.of(42_420), toStripe(42_420, currency), currency);
            assertEquals(OptionalLong.empty(), toStripe(42_425, currency), currency + " 42.425");
            assertEquals(OptionalLong.empty(), toStripe(1, currency), currency + " 0.001");
        }
        assertTrue(StripeUnits.represents(new Amount(0, "KWD")));
        assertEquals(Optional.of(new Amount(42_420, "KWD")), StripeUnits.fromStripe(42_420, "kwd"));
    }

    @Test
    void hufAndTwdChargeWithTwoDecimalsLikeIso() {
        assertEquals(OptionalLong.of(123_456), toStripe(123_456, "HUF"), "1,234.56 HUF: only payouts need whole forints");
        assertEquals(OptionalLong.of(99), toStripe(99, "TWD"));
    }

    @Test
    void mgaIsZeroDecimalAtStripeButTwoDecimalInIso() {
        assertEquals(OptionalLong.of(15), toStripe(1_500, "MGA"), "15.00 MGA");
        assertEquals(OptionalLong.empty(), toStripe(1_550, "MGA"), "15.50 MGA cannot be sent");
        assertEquals(Optional.of(new Amount(1_500, "MGA")), StripeUnits.fromStripe(15, "mga"));
    }

    @Test
    void currenciesWhoseUnitsAtStripeAreUnknownAreNotTaken() {
        assertFalse(StripeUnits.represents(new Amount(1_000, "IQD")), "three decimals, not in Stripe's list");
        assertFalse(StripeUnits.represents(new Amount(1_000, "CLF")), "four decimals");
        assertFalse(StripeUnits.represents(new Amount(1_000, "XAU")), "no minor units");
        assertFalse(StripeUnits.represents(new Amount(1_000, "UYW")), "unknown to the JDK");
        assertFalse(StripeUnits.represents(new Amount(1_000, "QQQ")));
        assertEquals(Optional.empty(), StripeUnits.fromStripe(1_000, "iqd"));
        assertFalse(StripeUnits.currencies().contains("IQD"));
        assertTrue(StripeUnits.currencies().containsAll(java.util.List.of("EUR", "JPY", "ISK", "KWD", "HUF", "UGX")));
    }

    @Test
    void overflowIsRefusedNotWrapped() {
        assertEquals(OptionalLong.empty(), toStripe(Long.MAX_VALUE / 10, "ISK"));
    }

    @Test
    void whyNotSaysWhatStripeWants() {
        assertNull(StripeUnits.whyNot(new Amount(42_420, "KWD")));
        assertTrue(StripeUnits.whyNot(new Amount(42_425, "KWD")).contains("steps of 0.010"),
                StripeUnits.whyNot(new Amount(42_425, "KWD")));
        assertTrue(StripeUnits.whyNot(new Amount(1_000, "IQD")).contains("not known"));
    }
}
