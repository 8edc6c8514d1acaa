package dev.kassa.server.theme.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Money and dates as the JDK's CLDR data writes them: what customers read. French puts a narrow
 * no-break space (U+202F) between thousands and a no-break space (U+00A0) before the symbol.
 */
class LocaleFormatsTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private final LocaleFormats en = new LocaleFormats(Locale.forLanguageTag("en"), ZoneOffset.UTC);
    private final LocaleFormats fr = new LocaleFormats(Locale.forLanguageTag("fr"), ZoneOffset.UTC);

    @Test
    void moneyInEnglishAndFrench() {
        Money amount = new Money(123_456, EUR);

        assertEquals("€1,234.56", en.money(amount));
        assertEquals("1\u202f234,56\u00a0€", fr.money(amount));
        assertEquals("€0.50", en.money("0.5", "EUR"), "always the currency's decimals");
        assertEquals("15\u202f000,00\u00a0€", fr.money(new BigDecimal("15000"), "EUR"));
    }

    @Test
    void aBalanceAChargebackTookBelowZeroShowsItsSign() {
        String english = en.money(new Money(-2_500, EUR));
        String french = fr.money(new Money(-2_500, EUR));
        org.junit.jupiter.api.Assertions.assertTrue(english.matches("[-\u2212]€25\\.00"), english);
        org.junit.jupiter.api.Assertions.assertTrue(french.matches("[-\u2212]25,00\u00a0€"), french);
    }

    @Test
    void everyCurrencyKeepsItsOwnDecimalsAndNothingIsRounded() {
        assertEquals("¥1,235", en.money(new Money(1235, new CurrencyUnit("JPY", 0))));
        assertEquals("BHD1.250", en.money(new Money(1250, new CurrencyUnit("BHD", 3))));
        assertEquals("€0.125", en.money("0.125", "EUR"), "a rate-like amount shows all its digits");
        assertEquals("", en.money((Money) null));
    }

    @Test
    void datesInEnglishAndFrench() {
        LocalDate day = LocalDate.of(2026, 12, 2);

        assertEquals("Dec 2, 2026", en.date(day));
        assertEquals("2 déc. 2026", fr.date(day));
        assertEquals("", fr.date(null));
    }

    @Test
    void instantsAreShownInTheZoneOfTheReader() {
        Instant lateEvening = Instant.parse("2026-12-02T23:30:00Z");
        LocaleFormats paris = new LocaleFormats(Locale.forLanguageTag("fr"), ZoneId.of("Europe/Paris"));

        assertEquals("Dec 2, 2026", en.date(lateEvening));
        assertEquals("3 déc. 2026", paris.date(lateEvening));
        assertEquals("Dec 2, 2026, 11:30 PM", en.dateTime(lateEvening));
        assertEquals("3 déc. 2026 00:30", paris.dateTime(lateEvening));
    }
}
