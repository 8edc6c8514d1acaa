package dev.kassa.server.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.shared.KassaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxPolicyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final VatRateTable RATES = new VatRateTable(Map.of(
            "FR", List.of(period("0000-01-01", "19.6"), period("2014-01-01", "20")),
            "DE", List.of(period("0000-01-01", "19")),
            "FI", List.of(period("0000-01-01", "24"), period("2024-09-01", "25.5")),
            "GR", List.of(period("0000-01-01", "24")),
            "GB", List.of(period("0000-01-01", "20"))));

    private static VatRateTable.Period period(String from, String rate) {
        return new VatRateTable.Period(from.startsWith("0000") ? LocalDate.MIN : LocalDate.parse(from), from,
                new BigDecimal(rate));
    }

    private static TaxDecision decide(String seller, String country, String vatId, LocalDate day) {
        return TaxPolicy.decide(seller, country, vatId, true, TaxCategory.STANDARD, day, RATES);
    }

    @Test
    void aVatIdViesHasNotConfirmedIsChargedAsAConsumer() {
        TaxDecision d = TaxPolicy.decide("FR", "DE", "DE123456789", false, TaxCategory.STANDARD, DAY, RATES);
        assertEquals(TaxRule.B2C_DESTINATION, d.rule());
        assertEquals(new BigDecimal("19"), d.rate());
        TaxDecision domestic = TaxPolicy.decide("FR", "FR", "FR40303265045", false, TaxCategory.STANDARD, DAY, RATES);
        assertEquals(TaxRule.DOMESTIC, domestic.rule());
        TaxDecision outside = TaxPolicy.decide("FR", "GB", "GB123456789", false, TaxCategory.STANDARD, DAY, RATES);
        assertEquals(TaxRule.OUTSIDE_EU, outside.rule());
    }

    @Test
    void aConsumerInTheSellersCountryPaysTheDomesticRate() {
        TaxDecision d = decide("FR", "FR", null, DAY);
        assertEquals(TaxRule.DOMESTIC, d.rule());
        assertEquals(new BigDecimal("20"), d.rate());
        assertEquals("S", d.category());
        assertNull(d.exemptionReason());
        assertEquals("2014-01-01", d.rateTableDate());
    }

    @Test
    void aConsumerInAnotherMemberStatePaysTheirCountrysRate() {
        TaxDecision d = decide("FR", "DE", null, DAY);
        assertEquals(TaxRule.B2C_DESTINATION, d.rule());
        assertEquals(new BigDecimal("19"), d.rate());
        assertEquals("S", d.category());
    }

    @Test
    void aBusinessWithAVatIdInAnotherMemberStateIsReverseCharged() {
        TaxDecision d = decide("FR", "DE", "DE123456789", DAY);
        assertEquals(TaxRule.REVERSE_CHARGE, d.rule());
        assertEquals(0, d.rate().signum());
        assertEquals("AE", d.category());
        assertEquals(TaxDecision.REVERSE_CHARGE_REASON, d.exemptionReason());
        assertNull(d.rateTableDate());
    }

    @Test
    void aDomesticBusinessPaysTheDomesticRate() {
        TaxDecision d = decide("FR", "FR", "FR40303265045", DAY);
        assertEquals(TaxRule.DOMESTIC, d.rule());
        assertEquals(new BigDecimal("20"), d.rate());
    }

    @Test
    void aCustomerOutsideTheEuPaysNoVatWithTheMention() {
        for (String country : List.of("US", "CH", "GB")) {
            TaxDecision d = decide("FR", country, null, DAY);
            assertEquals(TaxRule.OUTSIDE_EU, d.rule(), country);
            assertEquals(0, d.rate().signum());
            assertEquals("O", d.category());
            assertEquals(TaxDecision.OUTSIDE_EU_REASON, d.exemptionReason());
        }
        assertEquals(TaxRule.OUTSIDE_EU, decide("FR", "GB", "GB123456789", DAY).rule(), "GB left the EU");
    }

    @Test
    void greeceIsGrForRates() {
        TaxDecision d = decide("FR", "GR", null, DAY);
        assertEquals(TaxRule.B2C_DESTINATION, d.rule());
        assertEquals(new BigDecimal("24"), d.rate());
    }

    @Test
    void theRateIsTheOneInForceOnTheSupplyDate() {
        assertEquals(new BigDecimal("24"), decide("FI", "FI", null, LocalDate.of(2024, 8, 31)).rate());
        TaxDecision after = decide("FI", "FI", null, LocalDate.of(2024, 9, 1));
        assertEquals(new BigDecimal("25.5"), after.rate());
        assertEquals("2024-09-01", after.rateTableDate());
        assertEquals(new BigDecimal("19.6"), decide("FR", "FR", null, LocalDate.of(2013, 12, 31)).rate());
    }

    @Test
    void aMemberStateWithoutARateIsRefused() {
        KassaException e = assertThrows(KassaException.class, () -> decide("FR", "IT", null, DAY));
        assertEquals("billing.vat_rate_unknown", e.code());
    }

    @Test
    void lineAmountsRoundVatHalfUpOncePerLine() {
        // 3 x 0.35 = 1.05 net; 20 % = 0.21 exactly.
        assertEquals(new LineAmounts(105, 21, 126), LineAmounts.of(3, 35, new BigDecimal("20"), false));
        // 0.125 rounds up to 0.13: 0.65 x 19 % = 0.1235 -> 0.12; 0.25 x 25.5 % = 0.06375 -> 0.06
        assertEquals(new LineAmounts(65, 12, 77), LineAmounts.of(1, 65, new BigDecimal("19"), false));
        assertEquals(new LineAmounts(10, 3, 13), LineAmounts.of(1, 10, new BigDecimal("25"), false), "2.5 -> 3");
        // Prices with VAT included: 12.00 at 20 % holds 2.00 of VAT.
        assertEquals(new LineAmounts(1000, 200, 1200), LineAmounts.of(1, 1200, new BigDecimal("20"), true));
        // 0.99 at 25.5 %: 0.99 x 25.5 / 125.5 = 0.2011... -> 0.20.
        assertEquals(new LineAmounts(79, 20, 99), LineAmounts.of(1, 99, new BigDecimal("25.5"), true));
        assertEquals(new LineAmounts(500, 0, 500), LineAmounts.of(5, 100, BigDecimal.ZERO, false));
    }
}
